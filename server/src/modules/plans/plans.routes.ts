import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { getPlanSummaryRoute, listPlansRoute } from "../../contract/index.ts";
import { provisionalScopeOf } from "../access/reading.ts";
import { getPlanSummary } from "./plan-summary.service.ts";
import { listPlans } from "./plans.service.ts";

export const plansRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({ ...listPlansRoute, handler: () => listPlans(app.database.db) });
  app.route({
    ...getPlanSummaryRoute,
    handler: (request) => {
      return getPlanSummary(
        app.database.db,
        request.params.plan,
        request.query.area,
        provisionalScopeOf(request.principal),
      );
    },
  });
};
