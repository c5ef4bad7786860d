import type {
  Problem,
  RouteBody,
  RouteDescriptor,
  RouteParams,
  RouteQuery,
  RouteResponse,
} from "@plan-outcomes/server/contract";
import { currentCsrfToken, isStateChanging } from "./session.ts";

/** A non-2xx answer from the API, carrying its RFC 9457 problem details when the body had them. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallbackMessage: string) {
    super(problem?.detail || problem?.title || fallbackMessage);
    this.status = status;
    this.problem = problem;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** Nobody is signed in (or the session ended): signing in may help. */
  get needsSignIn(): boolean {
    return this.status === 401;
  }
}

// Params and body are required exactly when the route declares them; query is always optional.
type ParamsOption<R extends RouteDescriptor> =
  RouteParams<R> extends undefined ? { params?: undefined } : { params: RouteParams<R> };
type QueryOption<R extends RouteDescriptor> =
  RouteQuery<R> extends undefined ? { query?: undefined } : { query?: RouteQuery<R> };
type BodyOption<R extends RouteDescriptor> =
  RouteBody<R> extends undefined ? { body?: undefined } : { body: RouteBody<R> };

export type RequestOptions<R extends RouteDescriptor> = ParamsOption<R> &
  QueryOption<R> &
  BodyOption<R> & {
    signal?: AbortSignal;
    /** A multipart body, for the routes that take files (their contract says `consumes: multipart/form-data`). */
    form?: FormData;
  };

type Scalar = string | number | boolean | null | undefined;

/** Fills `:name` segments of a route url from params, encoding each value. */
export function toPath(url: string, params: Record<string, Scalar> | undefined): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_segment, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === "") {
      throw new Error(`Missing route parameter "${name}" for ${url}`);
    }
    return encodeURIComponent(String(value));
  });
}

/** Builds `?a=1&b=2` from the defined entries of a query object, in a stable order. */
export function toQueryString(query: Record<string, Scalar> | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * Method, headers and body for one call. A change carries the session's CSRF token (the server refuses a
 * browser's change without it); a body is sent as JSON, and only when there is one, since the server
 * refuses an empty JSON body. A form goes as multipart, its boundary set by the browser.
 */
export function toRequestInit(
  method: RouteDescriptor["method"],
  body: unknown,
  csrfToken: string | null,
): { method: string; headers: Record<string, string>; body?: string | FormData } {
  const headers: Record<string, string> = { accept: "application/json" };
  if (isStateChanging(method) && csrfToken) headers["x-csrf-token"] = csrfToken;
  if (body === undefined) return { method, headers };
  if (body instanceof FormData) return { method, headers, body };
  headers["content-type"] = "application/json";
  return { method, headers, body: JSON.stringify(body) };
}

export function isProblem(body: unknown): body is Problem {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as Problem).title === "string" &&
    typeof (body as Problem).status === "number"
  );
}

/**
 * Same origin: the session cookie rides along; it never goes to another site. A route answered by the key in its url
 * gets no cookie, so the server need not look the session up (see AccessRule `key`).
 */
export function credentialsFor(route: Pick<RouteDescriptor, "access">): RequestCredentials {
  return route.access === "key" ? "omit" : "same-origin";
}

/** The one way the app talks to the API: input and output types come from the contract's route descriptor. */
export async function request<R extends RouteDescriptor>(
  route: R,
  options: RequestOptions<R> = {} as RequestOptions<R>,
): Promise<RouteResponse<R>> {
  const url =
    toPath(route.url, options.params as Record<string, Scalar> | undefined) +
    toQueryString(options.query as Record<string, Scalar> | undefined);

  const response = await fetch(url, {
    ...toRequestInit(route.method, options.form ?? options.body, currentCsrfToken()),
    credentials: credentialsFor(route),
    signal: options.signal,
  });

  const isJson = /\bjson\b/.test(response.headers.get("content-type") ?? "");
  const body: unknown = isJson ? await response.json().catch(() => null) : null;

  if (!response.ok) {
    throw new ApiError(
      response.status,
      isProblem(body) ? body : null,
      `The server answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  return body as RouteResponse<R>;
}
