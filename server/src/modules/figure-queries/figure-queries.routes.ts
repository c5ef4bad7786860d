import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  answerFigureQueryRoute,
  getIndicatorAnnotationsRoute,
  listAllFigureQueriesRoute,
  listFigureQueriesRoute,
  raiseFigureQueryRoute,
} from "../../contract/index.ts";
import type { Principal } from "../access/principal.ts";
import { listCommentary } from "../commentary/commentary.service.ts";
import { listTargets } from "../targets/targets.service.ts";
import { answerQuery, listAllQueries, listIndicatorQueries, raiseQuery } from "./figure-queries.service.ts";

function required(principal: Principal | null): Principal {
  if (!principal) throw new Error("route reached without a principal");
  return principal;
}

export const figureQueriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...listFigureQueriesRoute,
    handler: (request) =>
      listIndicatorQueries(app.database.db, request.params.code, request.query.areas, request.principal),
  });
  app.route({
    ...getIndicatorAnnotationsRoute,
    handler: async (request) => {
      const { code } = request.params;
      const { areas } = request.query;
      const [commentary, targets, queries] = await Promise.all([
        listCommentary(app.database.db, code, areas),
        listTargets(app.database.db, code, areas),
        listIndicatorQueries(app.database.db, code, areas, request.principal),
      ]);
      return { commentary, targets, queries };
    },
  });
  app.route({
    ...raiseFigureQueryRoute,
    handler: (request) =>
      raiseQuery(app.database.db, required(request.principal), request.params.code, request.body, request.ip),
  });
  app.route({
    ...listAllFigureQueriesRoute,
    handler: (request) => listAllQueries(app.database.db, request.query.status ?? "open"),
  });
  app.route({
    ...answerFigureQueryRoute,
    handler: (request) =>
      answerQuery(app.database.db, required(request.principal), request.params.id, request.body, request.ip),
  });
};
