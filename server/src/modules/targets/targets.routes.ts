import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { listTargetsRoute, setTargetRoute } from "../../contract/index.ts";
import { listTargets, setTarget } from "./targets.service.ts";

export const targetsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...listTargetsRoute,
    handler: (request) => listTargets(app.database.db, request.params.code, request.query.areas),
  });
  app.route({
    ...setTargetRoute,
    handler: (request) => {
      if (!request.principal) throw new Error("route reached without a principal");
      return setTarget(app.database.db, request.principal, request.params.code, request.body, request.ip);
    },
  });
};
