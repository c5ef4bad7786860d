import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  createUploadRoute,
  downloadUploadFileRoute,
  downloadUploadReportRoute,
  getUploadProgressRoute,
  getUploadRoute,
  listDatasetsRoute,
  listUploadsRoute,
  publishUploadRoute,
  restoreDatasetVersionRoute,
} from "../../contract/index.ts";
import { type ReceivedFile, withMultipartUpload } from "../../lib/multipart-upload.ts";
import { attachmentName } from "../access/audit-export.ts";
import { principalOf } from "../access/principal.ts";
import { CheckProgressRegistry } from "./check-progress-registry.ts";
import { uploadReportToCsv } from "./upload-report-csv.ts";
import {
  checkProgress,
  getUpload,
  listDatasets,
  listUploads,
  publish,
  receiveUpload,
  restore,
  uploadedFile,
} from "./uploads.service.ts";

export interface UploadsOptions {
  /** Largest file accepted, in bytes. */
  maxUploadBytes: number;
}

export const uploadsRoutes: FastifyPluginAsyncTypebox<UploadsOptions> = async (app, options) => {
  const db = app.database.db;
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes, files: 2, fields: 5 } });
  const checks = new CheckProgressRegistry();

  app.route({
    ...createUploadRoute,
    // The multipart body is read by the handler, streamed to a temporary file.
    bodyLimit: options.maxUploadBytes + 1024 * 1024,
    handler: (request, reply) =>
      withMultipartUpload(
        request,
        reply,
        {
          fileFields: ["file", "meta"],
          fieldHint: "send the data as file and its .meta.csv as meta",
          maxBytes: options.maxUploadBytes,
        },
        ({ files, fields }) => {
          const dataset = fields.get("dataset");
          const sheet = fields.get("sheet");
          const progress = fields.get("progress");
          const meta = files.get("meta");
          return receiveUpload(
            db,
            checks,
            principalOf(request),
            {
              ...(files.get("file") as ReceivedFile),
              ...(dataset ? { dataset } : {}),
              ...(sheet ? { sheet } : {}),
              ...(progress ? { progress } : {}),
              ...(meta ? { meta } : {}),
            },
            request.ip,
          );
        },
      ),
  });

  app.route({ ...listUploadsRoute, handler: () => listUploads(db) });
  app.route({
    ...getUploadProgressRoute,
    handler: (request) => checkProgress(checks, request.params.key),
  });
  app.route({ ...getUploadRoute, handler: (request) => getUpload(db, request.params.id) });
  app.route({
    ...publishUploadRoute,
    handler: (request) => publish(db, checks, principalOf(request), request.params.id, request.body, request.ip),
  });
  app.route({ ...listDatasetsRoute, handler: () => listDatasets(db) });
  app.route({
    ...downloadUploadReportRoute,
    handler: async (request, reply) => {
      const upload = await getUpload(db, request.params.id);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="upload-${upload.id}-report.csv"`)
        .send(uploadReportToCsv(upload));
    },
  });
  app.route({
    ...restoreDatasetVersionRoute,
    handler: (request) =>
      restore(db, principalOf(request), request.params.code, request.params.version, request.body.note, request.ip),
  });
  app.route({
    ...downloadUploadFileRoute,
    handler: async (request, reply) => {
      const file = await uploadedFile(db, request.params.id);
      return reply
        .type("application/octet-stream")
        .header("content-length", file.bytes)
        .header("content-disposition", `attachment; filename="${attachmentName(file.fileName)}"`)
        .send(file.content as unknown as string);
    },
  });
};
