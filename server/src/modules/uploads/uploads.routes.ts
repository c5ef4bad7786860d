import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  createUploadRoute,
  downloadUploadFileRoute,
  downloadUploadReportRoute,
  getUploadRoute,
  listDatasetsRoute,
  listUploadsRoute,
  publishUploadRoute,
  restoreDatasetVersionRoute,
} from "../../contract/index.ts";
import { BadRequestError } from "../../errors.ts";
import { neutraliseFormula } from "../access/audit-export.ts";
import type { Principal } from "../access/principal.ts";
import { uploadReportToCsv } from "./upload-report-csv.ts";
import {
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

function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw new Error("route reached without a principal");
  return request.principal;
}

export const uploadsRoutes: FastifyPluginAsyncTypebox<UploadsOptions> = async (app, options) => {
  const db = app.database.db;
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes, files: 2, fields: 5 } });

  app.route({
    ...createUploadRoute,
    // The multipart body is read by the handler, streamed to a temporary file.
    bodyLimit: options.maxUploadBytes + 1024 * 1024,
    handler: async (request, reply) => {
      const dir = mkdtempSync(join(tmpdir(), "plan-outcomes-upload-"));
      try {
        const files = new Map<string, { path: string; fileName: string }>();
        let dataset: string | undefined;
        let sheet: string | undefined;
        for await (const part of request.parts()) {
          if (part.type === "field") {
            if (part.fieldname === "dataset") dataset = String(part.value);
            if (part.fieldname === "sheet") sheet = String(part.value).trim() || undefined;
            continue;
          }
          if (part.fieldname !== "file" && part.fieldname !== "meta") {
            part.file.resume();
            throw new BadRequestError(
              `Unexpected file field "${part.fieldname}": send the data as file and its .meta.csv as meta`,
              part.fieldname,
            );
          }
          const fileName = basename(part.filename || "upload.csv");
          // Each part in its own folder, so the file keeps the name the analyst gave it.
          const path = join(mkdtempSync(join(dir, `${part.fieldname}-`)), fileName);
          await pipeline(part.file, createWriteStream(path));
          if (part.file.truncated) {
            const limitMb = Math.round(options.maxUploadBytes / 1024 / 1024);
            return reply
              .status(413)
              .type("application/problem+json")
              .send({
                type: "about:blank",
                title: "File too large",
                status: 413,
                detail: `${fileName} is larger than the ${limitMb} MB limit for uploads (UPLOAD_LIMIT_MB).`,
              });
          }
          files.set(part.fieldname, { path, fileName });
        }
        const data = files.get("file");
        if (!data) throw new BadRequestError("Send the file as multipart/form-data in a field named file", "file");
        const meta = files.get("meta");
        return await receiveUpload(
          db,
          principalOf(request),
          { ...data, ...(dataset ? { dataset } : {}), ...(sheet ? { sheet } : {}), ...(meta ? { meta } : {}) },
          request.ip,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  });

  app.route({ ...listUploadsRoute, handler: () => listUploads(db) });
  app.route({ ...getUploadRoute, handler: (request) => getUpload(db, request.params.id) });
  app.route({
    ...publishUploadRoute,
    handler: (request) => publish(db, principalOf(request), request.params.id, request.body, request.ip),
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
        .header(
          "content-disposition",
          `attachment; filename="${neutraliseFormula(file.fileName).replace(/["\\\r\n]/g, "_")}"`,
        )
        .send(file.content as unknown as string);
    },
  });
};
