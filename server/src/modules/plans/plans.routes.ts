import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { getPlanSummaryRoute, listPlansRoute, type PlanSummary } from "../../contract/index.ts";
import { PublishedDataCache } from "../../lib/published-data-cache.ts";
import { provisionalScopeOf } from "../access/reading.ts";
import { getPlanSummary } from "./plan-summary.service.ts";
import { listPlans } from "./plans.service.ts";

export const plansRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The summary is the Board's front page: the same answer for everyone with the same view of the data.
  const summaries = new PublishedDataCache<PlanSummary>();
  app.route({ ...listPlansRoute, handler: () => listPlans(app.database.db) });
  app.route({
    ...getPlanSummaryRoute,
    handler: (request) => {
      const scope = provisionalScopeOf(request.principal);
      const key = JSON.stringify([request.params.plan, request.query.area ?? null, scope]);
      return summaries.get(app.database.db, key, () =>
        getPlanSummary(app.database.db, request.params.plan, request.query.area, scope),
      );
    },
  });
};
