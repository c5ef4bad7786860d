import type { DatabaseHandle } from "@plan-outcomes/db";
import { buildApp } from "@plan-outcomes/server/app";
import type { RouteDescriptor, RouteResponse } from "@plan-outcomes/server/contract";

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export function buildTestApp(handle: DatabaseHandle): Promise<TestApp> {
  return buildApp({ database: handle });
}

/** Calls a route through app.inject, filling `:params` from the descriptor's url. */
export async function call<R extends RouteDescriptor>(
  app: TestApp,
  route: R,
  options: { params?: Record<string, string>; query?: Record<string, string> } = {},
) {
  const url = route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ""));
  const response = await app.inject({ method: route.method, url, ...(options.query ? { query: options.query } : {}) });
  return { status: response.statusCode, headers: response.headers, body: response.json() as RouteResponse<R> };
}
