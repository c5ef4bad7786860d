/** Which database engines the API and browser suites run on: PGlite always, PostgreSQL when configured. */
export type Backend = "pglite" | "postgres";

export function testBackends(env: NodeJS.ProcessEnv = process.env): Backend[] {
  return env.TEST_DATABASE_URL?.trim() ? ["pglite", "postgres"] : ["pglite"];
}

/** An admin connection to a PostgreSQL server, on which each test file gets its own database. */
export function postgresAdminUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.TEST_DATABASE_URL?.trim();
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  return url;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
