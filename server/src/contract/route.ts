import type { Static, TSchema } from "typebox";

export interface RouteSchema {
  summary: string;
  tags: string[];
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  response: { 200: TSchema } & Record<number, TSchema>;
}

/** One API route, declared once: Fastify validates and documents it, the web client is typed by it. */
export interface RouteDescriptor<S extends RouteSchema = RouteSchema> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: `/api/${string}`;
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
