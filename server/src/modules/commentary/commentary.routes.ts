import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { listCommentaryRoute, writeCommentaryRoute } from "../../contract/index.ts";
import { listCommentary, writeCommentary } from "./commentary.service.ts";

export const commentaryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...listCommentaryRoute,
    handler: (request) => listCommentary(app.database.db, request.params.code, request.query.areas),
  });
  app.route({
    ...writeCommentaryRoute,
    handler: (request) => {
      if (!request.principal) throw new Error("route reached without a principal");
      return writeCommentary(app.database.db, request.principal, request.params.code, request.body, request.ip);
    },
  });
};
