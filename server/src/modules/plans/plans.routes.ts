import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  getPlanSummaryRoute,
  getPriorityRoute,
  listPlansRoute,
  type PlanSummary,
  type PriorityDetail,
} from "../../contract/index.ts";
import { PublishedDataCache } from "../../lib/published-data-cache.ts";
import { provisionalScopeOf } from "../access/reading.ts";
import { getPlanSummary, getPriorityDetail } from "./plan-summary.service.ts";
import { listPlans } from "./plans.service.ts";

export const plansRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The summary is the Board's front page: the same answer for everyone with the same view of the data.
  const summaries = new PublishedDataCache<PlanSummary>();
  const priorityPages = new PublishedDataCache<PriorityDetail>();
  app.route({ ...listPlansRoute, handler: () => listPlans(app.database.db) });
  app.route({
    ...getPlanSummaryRoute,
    handler: (request) => {
      const scope = provisionalScopeOf(request.principal);
      const key = JSON.stringify([request.params.plan, request.query.area ?? null, request.query.asOf ?? null, scope]);
      return summaries.get(app.database.db, key, () =>
        getPlanSummary(app.database.db, request.params.plan, request.query, scope),
      );
    },
  });
  app.route({
    ...getPriorityRoute,
    handler: (request) => {
      const { plan, priority } = request.params;
      const scope = provisionalScopeOf(request.principal);
      const key = JSON.stringify([plan, priority, request.query.area ?? null, request.query.asOf ?? null, scope]);
      return priorityPages.get(app.database.db, key, () =>
        getPriorityDetail(app.database.db, plan, priority, request.query, scope),
      );
    },
  });
};
