import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { listAreasRoute } from "../../contract/index.ts";
import { listAreas } from "./areas.service.ts";

export const areasRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...listAreasRoute,
    handler: (request) => listAreas(app.database.db, request.query.type),
  });
};
