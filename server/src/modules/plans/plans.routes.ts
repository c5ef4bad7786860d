import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply } from "fastify";
import { getPlanSummaryRoute, getPriorityRoute, listPlansRoute } from "../../contract/index.ts";
import { PublishedDataCache } from "../../lib/published-data-cache.ts";
import { provisionalScopeOf } from "../access/reading.ts";
import { getPlanSummary, getPriorityDetail } from "./plan-summary.service.ts";
import { listPlans } from "./plans.service.ts";

/** Sends JSON text already made from a contract-typed answer (the route's schema typed it when it was made). */
const sendJson = (reply: FastifyReply, text: string) => reply.type("application/json; charset=utf-8").send(text);

export const plansRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The summary is the Board's front page: the same answer for everyone with the same view of the data,
  // kept as the JSON text sent, so a busy page costs neither recomputing nor reserialising its 50 KB.
  const summaries = new PublishedDataCache<string>();
  const priorityPages = new PublishedDataCache<string>();
  app.route({ ...listPlansRoute, handler: () => listPlans(app.database.db) });
  app.route({
    ...getPlanSummaryRoute,
    handler: async (request, reply) => {
      const scope = provisionalScopeOf(request.principal);
      const key = JSON.stringify([request.params.plan, request.query.area ?? null, request.query.asOf ?? null, scope]);
      const text = await summaries.get(app.database.db, key, async () =>
        JSON.stringify(await getPlanSummary(app.database.db, request.params.plan, request.query, scope)),
      );
      return sendJson(reply, text);
    },
  });
  app.route({
    ...getPriorityRoute,
    handler: async (request, reply) => {
      const { plan, priority } = request.params;
      const scope = provisionalScopeOf(request.principal);
      const key = JSON.stringify([plan, priority, request.query.area ?? null, request.query.asOf ?? null, scope]);
      const text = await priorityPages.get(app.database.db, key, async () =>
        JSON.stringify(await getPriorityDetail(app.database.db, plan, priority, request.query, scope)),
      );
      return sendJson(reply, text);
    },
  });
};
