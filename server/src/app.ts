import { existsSync } from "node:fs";
import { join } from "node:path";
import compress from "@fastify/compress";
import etag from "@fastify/etag";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { DatabaseHandle } from "@plan-outcomes/db";
import Fastify, { type FastifyServerOptions } from "fastify";
import { type AccessOptions, accessPlugin } from "./modules/access/access.plugin.ts";
import { accessRoutes } from "./modules/access/access.routes.ts";
import { randomSecret } from "./modules/access/secrets.ts";
import { areasRoutes } from "./modules/areas/areas.routes.ts";
import { boundariesRoutes } from "./modules/boundaries/boundaries.routes.ts";
import { commentaryRoutes } from "./modules/commentary/commentary.routes.ts";
import { figureQueriesRoutes } from "./modules/figure-queries/figure-queries.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { indicatorsRoutes } from "./modules/indicators/indicators.routes.ts";
import { observationsRoutes } from "./modules/observations/observations.routes.ts";
import { plansRoutes } from "./modules/plans/plans.routes.ts";
import { profilesRoutes } from "./modules/profiles/profiles.routes.ts";
import { referenceDataRoutes } from "./modules/reference-data/reference-data.routes.ts";
import { targetsRoutes } from "./modules/targets/targets.routes.ts";
import { uploadsRoutes } from "./modules/uploads/uploads.routes.ts";
import { databasePlugin } from "./plugins/database.ts";
import { registerErrorHandler } from "./plugins/error-handler.ts";

export interface BuildAppOptions {
  database: DatabaseHandle;
  /** Folder of the built SPA to serve at /, or null. */
  webDist?: string | null;
  logger?: FastifyServerOptions["logger"];
  /** Sign-in and authorisation settings; tests may override parts. */
  access?: Partial<AccessOptions>;
  /** Largest upload accepted, in bytes (default 100 MB). */
  maxUploadBytes?: number;
}

const defaultAccess = (): AccessOptions => ({
  sessionSecret: randomSecret(48),
  sessionLifetimeMs: 8 * 3_600_000,
  secureCookies: false,
  requireSignIn: false,
  oidc: null,
});

/** The whole app, without listening: server.ts listens, tests use inject(). */
export async function buildApp({
  database,
  webDist = null,
  logger = false,
  access = {},
  maxUploadBytes = 100 * 1024 * 1024,
}: BuildAppOptions) {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // recharts and React set style attributes on SVG elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
  });
  await app.register(databasePlugin, { handle: database });
  const serveSpa = Boolean(webDist && existsSync(join(webDist, "index.html")));
  registerErrorHandler(app, { serveSpa });
  // Before any route is added, so every route (plugins' too) gets its rule recorded.
  await app.register(accessPlugin, { ...defaultAccess(), ...access });
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(etag);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Plan Outcomes API",
        version: "1.0.0",
        description:
          "Outcome figures for Dorset's Children, Young People and Families' Plan, by priority, indicator, area and period. Contains Department for Education data licensed under the Open Government Licence v3.0.",
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  await app.register(healthRoutes);
  await app.register(plansRoutes);
  await app.register(indicatorsRoutes);
  await app.register(areasRoutes);
  await app.register(boundariesRoutes);
  await app.register(observationsRoutes);
  await app.register(profilesRoutes);
  await app.register(accessRoutes);
  await app.register(commentaryRoutes);
  await app.register(figureQueriesRoutes);
  await app.register(targetsRoutes);
  await app.register(uploadsRoutes, { maxUploadBytes });
  await app.register(referenceDataRoutes, { maxUploadBytes });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "open" } }, () => app.swagger());

  if (serveSpa && webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      maxAge: "1h",
      // Asset names carry a content hash; the page that names them must always be fresh.
      setHeaders: (response, path) => {
        if (path.endsWith(".html")) response.header("cache-control", "no-cache");
      },
    });
  }
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
