import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { sql } from "drizzle-orm";
import { getHealthRoute } from "../../contract/index.ts";

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...getHealthRoute,
    handler: async (request, reply) => {
      try {
        await app.database.db.execute(sql`select 1`);
        return { status: "ok" as const, database: app.database.kind };
      } catch (error) {
        request.log.error({ err: error }, "database health check failed");
        return reply.status(503).type("application/problem+json").send({
          type: "about:blank",
          title: "Service unavailable",
          status: 503,
          detail: "The database is not answering.",
        });
      }
    },
  });
};
