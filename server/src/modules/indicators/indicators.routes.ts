import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  downloadTemplateRoute,
  downloadTemplateXlsxRoute,
  getIndicatorRoute,
  listIndicatorsRoute,
} from "../../contract/index.ts";
import { getIndicator, listIndicators } from "./indicators.service.ts";
import { indicatorTemplateCsv, indicatorTemplateXlsx } from "./template.ts";

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
  app.route({
    ...downloadTemplateRoute,
    handler: async (request, reply) => {
      const { fileName, csv } = await indicatorTemplateCsv(app.database.db, request.params.code);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(csv);
    },
  });
  app.route({
    ...downloadTemplateXlsxRoute,
    handler: async (request, reply) => {
      const { fileName, content } = await indicatorTemplateXlsx(app.database.db, request.params.code);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(content as unknown as string);
    },
  });
};
