import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import rateLimit from "@fastify/rate-limit";
import session from "@fastify/session";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { AccessRule } from "../../contract/index.ts";
import { recordAuditEvent } from "./audit.ts";
import { createOidcClient, type OidcChecks, type OidcClient, type OidcOptions } from "./oidc.ts";
import { type Principal, principalForToken, principalForUser } from "./principal.ts";
import { DatabaseSessionStore } from "./session-store.ts";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Every route's declared rule, by "METHOD url": the authorisation matrix test reads it. */
    accessRules: Map<string, AccessRule | undefined>;
    /** Single sign-on, when configured. */
    oidc: OidcClient | null;
  }
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}
declare module "fastify" {
  interface Session {
    userId?: number;
    /** A single sign-on under way, with where to return once it is done. */
    oidc?: OidcChecks & { next: string };
  }
}

export interface AccessOptions {
  sessionSecret: string;
  sessionLifetimeMs: number;
  secureCookies: boolean;
  requireSignIn: boolean;
  oidc: OidcOptions | null;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function refuse(reply: FastifyReply, status: 401 | 403, detail: string) {
  return reply
    .status(status)
    .type("application/problem+json")
    .send({ type: "about:blank", title: status === 401 ? "Sign in required" : "Forbidden", status, detail });
}

/** Decides a request against its route's rule; `undefined` means the route declared none. */
function decide(rule: AccessRule | undefined, principal: Principal | null, requireSignIn: boolean) {
  if (rule === undefined)
    return { status: 403 as const, detail: "This route declares no access rule, so it is refused." };
  if (rule === "open" || rule === "key") return null;
  if (rule === "published" && !requireSignIn) return null;
  if (!principal) return { status: 401 as const, detail: "Sign in, or send an API token, to do this." };
  if (rule === "published" || rule === "signed-in") return null;
  if (rule.includes(principal.role)) return null;
  return { status: 403 as const, detail: `This needs the role ${rule.join(" or ")}; you are ${principal.role}.` };
}

/**
 * Sessions, API tokens, CSRF and deny-by-default authorisation, all checked in onRequest: before
 * the body is parsed or validated, so an anonymous write is refused whatever it carries.
 */
export const accessPlugin = fp<AccessOptions>(async (app, options) => {
  app.decorate("accessRules", new Map<string, AccessRule | undefined>());
  app.decorate("oidc", options.oidc ? createOidcClient(options.oidc) : null);
  app.decorateRequest("principal", null);
  app.addHook("onRoute", (route) => {
    const declared = (route as { access?: AccessRule }).access ?? route.config?.access;
    // Swagger UI's own pages and the SPA's static files are public by nature.
    const rule = declared ?? (route.url.startsWith("/api/docs") || !route.url.startsWith("/api/") ? "open" : undefined);
    route.config = { ...route.config, access: rule };
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") app.accessRules.set(`${method} ${route.url}`, rule);
    }
  });

  await app.register(cookie);
  await app.register(session, {
    secret: options.sessionSecret,
    cookieName: "plan_outcomes_session",
    cookie: {
      httpOnly: true,
      sameSite: "lax",
      secure: options.secureCookies,
      maxAge: options.sessionLifetimeMs,
      path: "/",
    },
    saveUninitialized: false,
    rolling: false,
    store: new DatabaseSessionStore(app.database.db, options.sessionLifetimeMs),
  });
  await app.register(csrf, {
    sessionPlugin: "@fastify/session",
    getToken: (request) => request.headers["x-csrf-token"] as string,
  });
  await app.register(rateLimit, { global: false });

  // What a signed-in caller sees may include figures the public may not: never cache it in shared caches.
  app.addHook("onSend", async (request, reply) => {
    if (request.principal && request.url.startsWith("/api/")) reply.header("cache-control", "private, no-store");
  });

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    // The key in the url is the credential: no token is checked, nor its use recorded.
    if (request.routeOptions.config?.access === "key") return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith("Bearer ")) {
      request.principal = await principalForToken(app.database.db, authorization.slice("Bearer ".length).trim());
      if (!request.principal) return refuse(reply, 401, "The API token is not valid: unknown, expired or revoked.");
      await recordAuditEvent(app.database.db, {
        actorUserId: request.principal.userId,
        actorKind: "token",
        action: "token.use",
        target: `${request.method} ${request.routeOptions.url ?? request.url}`,
        details: { tokenId: request.principal.tokenId },
        ipAddress: request.ip,
      });
    } else if (request.session.userId !== undefined) {
      request.principal = await principalForUser(app.database.db, request.session.userId);
      if (request.principal === null) await request.session.destroy();
    }

    if (!request.routeOptions.url) return; // no such route: the not-found handler answers
    const refusal = decide(request.routeOptions.config.access, request.principal, options.requireSignIn);
    if (refusal) return refuse(reply, refusal.status, refusal.detail);

    // A browser's cookie rides along on cross-site requests; a token in a header does not.
    if (STATE_CHANGING.has(request.method) && request.principal?.via === "session") {
      // Refuses through the root error handler (403) when the token is missing or wrong.
      await new Promise<void>((resolve, reject) =>
        app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve())),
      );
    }
  });
});
