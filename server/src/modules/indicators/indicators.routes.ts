import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { getIndicatorRoute, listIndicatorsRoute } from "../../contract/index.ts";
import { getIndicator, listIndicators } from "./indicators.service.ts";

export const indicatorsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...listIndicatorsRoute,
    handler: (request) => listIndicators(app.database.db, request.query),
  });
  app.route({
    ...getIndicatorRoute,
    handler: async (request) => {
      const { id: _id, ...indicator } = await getIndicator(app.database.db, request.params.code);
      return indicator;
    },
  });
};
