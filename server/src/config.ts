import { type DatabaseOptions, databaseOptionsFromEnv } from "@plan-outcomes/db";
import { type SeedOptions, seedOptionsFromEnv } from "@plan-outcomes/seeds";
import type { AccessOptions } from "./modules/access/access.plugin.ts";
import type { OidcOptions } from "./modules/access/oidc.ts";
import { randomSecret } from "./modules/access/secrets.ts";

export interface AppConfig {
  port: number;
  host: string;
  logLevel: string;
  database: DatabaseOptions;
  seed: SeedOptions;
  /** Built SPA to serve; null when the API runs alone (tests, dev with Vite). */
  webDist: string | null;
  isProduction: boolean;
  access: AccessOptions;
  /** Largest upload accepted, in bytes (UPLOAD_LIMIT_MB). */
  maxUploadBytes: number;
  /** The first administrator, created at start when there is no account yet. */
  firstAdministrator: { email: string; password: string } | null;
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
  const isProduction = env.NODE_ENV === "production";
  const sessionSecret = env.SESSION_SECRET?.trim() ?? "";
  if (sessionSecret && sessionSecret.length < 32) problems.push("SESSION_SECRET must be at least 32 characters");
  if (isProduction && !sessionSecret && env.ALLOW_EPHEMERAL_SESSIONS !== "true") {
    problems.push(
      "SESSION_SECRET is required in production (or ALLOW_EPHEMERAL_SESSIONS=true to sign everyone out at each restart)",
    );
  }
  const sessionHours = Number(env.SESSION_HOURS ?? 8);
  if (!(sessionHours > 0 && sessionHours <= 24 * 30))
    problems.push("SESSION_HOURS must be a number of hours up to 720");
  if (env.REQUIRE_SIGN_IN && !["true", "false"].includes(env.REQUIRE_SIGN_IN))
    problems.push("REQUIRE_SIGN_IN must be true or false");
  const adminEmail = env.ADMIN_EMAIL?.trim();
  const adminPassword = env.ADMIN_PASSWORD ?? "";
  if (adminEmail && adminPassword.length < 12) problems.push("ADMIN_PASSWORD must be at least 12 characters");
  const oidc = readOidc(env, problems);
  const uploadLimitMb = Number(env.UPLOAD_LIMIT_MB ?? 100);
  if (!(uploadLimitMb > 0 && uploadLimitMb <= 2048))
    problems.push("UPLOAD_LIMIT_MB must be a number of megabytes up to 2048");
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    logLevel,
    database: databaseOptionsFromEnv(env),
    seed: seedOptionsFromEnv(env),
    webDist,
    isProduction,
    access: {
      sessionSecret: sessionSecret || randomSecret(48),
      sessionLifetimeMs: sessionHours * 3_600_000,
      secureCookies: isProduction && env.INSECURE_COOKIES !== "true",
      requireSignIn: env.REQUIRE_SIGN_IN === "true",
      oidc,
    },
    maxUploadBytes: uploadLimitMb * 1024 * 1024,
    firstAdministrator: adminEmail ? { email: adminEmail, password: adminPassword } : null,
  };
}

/** Single sign-on is on when OIDC_ISSUER is set; then the client settings are required. */
function readOidc(env: NodeJS.ProcessEnv, problems: string[]): OidcOptions | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const missing = ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URI"].filter((name) => !env[name]?.trim());
  if (missing.length > 0) problems.push(`OIDC_ISSUER is set, so ${missing.join(", ")} must be too`);
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID?.trim() ?? "",
    clientSecret: env.OIDC_CLIENT_SECRET?.trim() ?? "",
    redirectUri: env.OIDC_REDIRECT_URI?.trim() ?? "",
    scopes: env.OIDC_SCOPES?.trim() || "openid email profile",
    allowHttp: env.OIDC_ALLOW_HTTP === "true",
  };
}
