import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  type AreaComparison,
  type BreakdownSet,
  getAreaComparisonRoute,
  getBreakdownsRoute,
  getObservationsRoute,
  type ObservationSet,
} from "../../contract/index.ts";
import { PublishedDataCache } from "../../lib/published-data-cache.ts";
import { provisionalScopeOf } from "../access/reading.ts";
import { getIndicatorBreakdowns } from "./breakdowns.service.ts";
import { getAreaComparison } from "./comparison.service.ts";
import { getIndicatorObservations } from "./observations.service.ts";

export const observationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Figures change only when something is published: the same question gets the same answer until then.
  const answers = new PublishedDataCache<ObservationSet>();
  app.route({
    ...getObservationsRoute,
    handler: (request) => {
      const scope = provisionalScopeOf(request.principal);
      const { areas, periods, breakdown } = request.query;
      const key = JSON.stringify([request.params.code, areas ?? null, periods ?? null, breakdown ?? null, scope]);
      return answers.get(app.database.db, key, () =>
        getIndicatorObservations(app.database.db, request.params.code, request.query, scope),
      );
    },
  });
  const comparisons = new PublishedDataCache<AreaComparison>();
  app.route({
    ...getAreaComparisonRoute,
    handler: (request) => {
      const scope = provisionalScopeOf(request.principal);
      const key = JSON.stringify([request.params.code, request.query.among, request.query.period ?? null, scope]);
      return comparisons.get(app.database.db, key, () =>
        getAreaComparison(app.database.db, request.params.code, request.query, scope),
      );
    },
  });
  const breakdownSets = new PublishedDataCache<BreakdownSet>();
  app.route({
    ...getBreakdownsRoute,
    handler: (request) => {
      const scope = provisionalScopeOf(request.principal);
      const key = JSON.stringify([
        request.params.code,
        request.query.area ?? null,
        request.query.period ?? null,
        scope,
      ]);
      return breakdownSets.get(app.database.db, key, () =>
        getIndicatorBreakdowns(app.database.db, request.params.code, request.query, scope),
      );
    },
  });
};
