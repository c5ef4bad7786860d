import { type DatabaseOptions, databaseOptionsFromEnv } from "@plan-outcomes/db";
import { type SeedOptions, seedOptionsFromEnv } from "@plan-outcomes/seeds";

export interface AppConfig {
  port: number;
  host: string;
  logLevel: string;
  database: DatabaseOptions;
  seed: SeedOptions;
  /** Built SPA to serve; null when the API runs alone (tests, dev with Vite). */
  webDist: string | null;
  isProduction: boolean;
}

/** The only place the server reads its environment; fails fast listing every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, webDist: string | null = null): AppConfig {
  const problems: string[] = [];
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number, got "${env.PORT}"`);
  const logLevel = env.LOG_LEVEL ?? "info";
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push("DATABASE_URL must start with postgres:// or postgresql://");
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    logLevel,
    database: databaseOptionsFromEnv(env),
    seed: seedOptionsFromEnv(env),
    webDist,
    isProduction: env.NODE_ENV === "production",
  };
}
