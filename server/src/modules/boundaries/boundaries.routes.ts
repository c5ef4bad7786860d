import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { getLocalAuthorityBoundariesRoute } from "../../contract/index.ts";
import { getLocalAuthorityBoundaries } from "./boundaries.service.ts";

export const boundariesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...getLocalAuthorityBoundariesRoute,
    handler: async (_request, reply) => {
      // Boundaries change only when the database is seeded: a day's cache, then an ETag revalidation.
      reply.header("cache-control", "public, max-age=86400");
      return getLocalAuthorityBoundaries(app.database.db);
    },
  });
};
