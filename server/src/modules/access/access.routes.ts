import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  createTokenRoute,
  exportAuditEventsRoute,
  finishSingleSignOnRoute,
  getSessionRoute,
  grantAccessRoute,
  listAuditEventsRoute,
  listTokensRoute,
  listUsersRoute,
  revokeTokenRoute,
  type SingleSignOnError,
  signInRoute,
  signOutRoute,
  startSingleSignOnRoute,
  toSafeNextPath,
} from "../../contract/index.ts";
import { NotFoundError } from "../../errors.ts";
import { listAuditEvents } from "./audit.service.ts";
import { recordAuditEvent } from "./audit.ts";
import { auditEventsToCsv } from "./audit-export.ts";
import { SignInError, signIn } from "./auth.service.ts";
import { accountForIdentity, OidcSignInError } from "./oidc.ts";
import { principalOf } from "./principal.ts";
import { createToken, listTokens, revokeToken } from "./tokens.service.ts";
import { getUser, grantAccess, listUsers } from "./users.service.ts";

export const accessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.route({
    ...getSessionRoute,
    handler: async (request, reply) => {
      const principal = request.principal;
      if (principal?.via !== "session") return { user: null, csrfToken: null };
      return { user: await getUser(db, principal.userId), csrfToken: reply.generateCsrf() };
    },
  });

  app.route({
    ...signInRoute,
    config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
    handler: async (request, reply) => {
      try {
        const user = await signIn(db, request.body.email, request.body.password, request.ip);
        // A new session id at sign-in: an id planted before it (session fixation) is worthless after.
        await request.session.regenerate();
        request.session.userId = user.id;
        return { user, csrfToken: reply.generateCsrf() };
      } catch (error) {
        if (!(error instanceof SignInError)) throw error;
        return reply
          .status(error.status)
          .type("application/problem+json")
          .send({ type: "about:blank", title: "Sign-in failed", status: error.status, detail: error.message });
      }
    },
  });

  app.route({
    ...signOutRoute,
    handler: async (request) => {
      const principal = principalOf(request);
      await request.session.destroy();
      await recordAuditEvent(db, {
        actorUserId: principal.userId,
        actorKind: principal.via,
        action: "sign-out",
        ipAddress: request.ip,
      });
      return { signedOut: true as const };
    },
  });

  app.route({
    ...startSingleSignOnRoute,
    handler: async (request, reply) => {
      if (!app.oidc) throw new NotFoundError("single sign-on configuration", "oidc");
      const { url, checks } = await app.oidc.start();
      request.session.oidc = { ...checks, next: toSafeNextPath(request.query.next) };
      return reply.redirect(url.href, 302);
    },
  });

  app.route({
    ...finishSingleSignOnRoute,
    handler: async (request, reply) => {
      if (!app.oidc) throw new NotFoundError("single sign-on configuration", "oidc");
      const checks = request.session.oidc;
      const next = toSafeNextPath(checks?.next);
      // A failure keeps `next`, so trying again (by either way of signing in) still returns there.
      const failed = (code: SingleSignOnError) =>
        reply.redirect(`/sign-in?${new URLSearchParams({ error: code, ...(next === "/" ? {} : { next }) })}`, 302);
      if (!checks) return failed("expired");
      try {
        const identity = await app.oidc.finish(app.oidc.callbackUrl(request.url), checks);
        const userId = await accountForIdentity(db, identity, request.ip);
        await request.session.regenerate();
        request.session.userId = userId;
        return reply.redirect(next, 302);
      } catch (error) {
        request.log.warn({ err: error }, "single sign-on failed");
        return failed(error instanceof OidcSignInError ? "no-account" : "failed");
      }
    },
  });

  app.route({ ...listTokensRoute, handler: (request) => listTokens(db, principalOf(request)) });
  app.route({
    ...createTokenRoute,
    handler: (request) => createToken(db, principalOf(request), request.body, request.ip),
  });
  app.route({
    ...revokeTokenRoute,
    handler: (request) => revokeToken(db, principalOf(request), request.params.id, request.ip),
  });
  app.route({ ...listUsersRoute, handler: () => listUsers(db) });
  app.route({
    ...grantAccessRoute,
    handler: (request) => grantAccess(db, request.body, principalOf(request), request.ip),
  });
  app.route({ ...listAuditEventsRoute, handler: (request) => listAuditEvents(db, request.query) });
  app.route({
    ...exportAuditEventsRoute,
    handler: async (request, reply) => {
      const csv = auditEventsToCsv(await listAuditEvents(db, { limit: 10000, ...request.query }));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="plan-outcomes-audit.csv"')
        .send(csv);
    },
  });
};
