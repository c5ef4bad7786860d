import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { getObservationsRoute } from "../../contract/index.ts";
import { provisionalScopeOf } from "../access/reading.ts";
import { getIndicatorObservations } from "./observations.service.ts";

export const observationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...getObservationsRoute,
    handler: (request) =>
      getIndicatorObservations(
        app.database.db,
        request.params.code,
        request.query,
        provisionalScopeOf(request.principal),
      ),
  });
};
