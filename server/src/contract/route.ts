import type { Static, TSchema } from "typebox";

export interface RouteSchema {
  summary: string;
  tags: string[];
  consumes?: string[];
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  response: { 200: TSchema } & Record<number, TSchema>;
}

export type Role = "viewer" | "locality_lead" | "analyst" | "administrator";

/**
 * Who may call a route. `open`: anyone, always (health, sign-in). `published`: anyone, unless the
 * deployment sets REQUIRE_SIGN_IN. `signed-in`: any user or token. A list of roles: only those.
 * `key`: whoever holds the unguessable key in its url, and nobody is looked up: the caller sends no
 * cookie or token, so the answer needs no database (the embedded one's single connection may be busy
 * with the very work the route reports on).
 */
export type AccessRule = "open" | "published" | "signed-in" | "key" | readonly Role[];

/** One API route, declared once: Fastify validates and documents it, the web client is typed by it. */
export interface RouteDescriptor<S extends RouteSchema = RouteSchema> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: `/api/${string}`;
  access: AccessRule;
  schema: S;
}

export function defineRoute<const S extends RouteSchema>(route: RouteDescriptor<S>): RouteDescriptor<S> {
  return route;
}

type StaticOr<T, Fallback> = T extends TSchema ? Static<T> : Fallback;

export type RouteParams<R extends RouteDescriptor> = StaticOr<R["schema"]["params"], undefined>;
export type RouteQuery<R extends RouteDescriptor> = StaticOr<R["schema"]["querystring"], undefined>;
export type RouteBody<R extends RouteDescriptor> = StaticOr<R["schema"]["body"], undefined>;
export type RouteResponse<R extends RouteDescriptor> = Static<R["schema"]["response"][200]>;
