import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  checkReferenceFileRoute,
  downloadReferenceDataRoute,
  downloadReferenceVersionFileRoute,
  getReferenceDataRoute,
  listReferenceVersionsRoute,
  publishReferenceFileRoute,
  type ReferenceKind,
  restoreReferenceVersionRoute,
} from "../../contract/index.ts";
import { BadRequestError } from "../../errors.ts";
import { type ReceivedFile, withMultipartUpload } from "../../lib/multipart-upload.ts";
import { attachmentName } from "../access/audit-export.ts";
import { principalOf } from "../access/principal.ts";
import {
  getReferenceData,
  listVersions,
  receiveReferenceFile,
  referenceDataCsv,
  restoreReferenceVersion,
  versionFile,
} from "./reference-data.service.ts";

export interface ReferenceDataOptions {
  /** Largest file accepted, in bytes. */
  maxUploadBytes: number;
}

export const referenceDataRoutes: FastifyPluginAsyncTypebox<ReferenceDataOptions> = async (app, options) => {
  const db = app.database.db;
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes, files: 1, fields: 3 } });

  /** Checks (and with `publish`, publishes) the multipart file. */
  const receive = (publish: boolean) => (request: FastifyRequest, reply: FastifyReply) =>
    withMultipartUpload(
      request,
      reply,
      { fileFields: ["file"], fieldHint: "send the file as file", maxBytes: options.maxUploadBytes },
      ({ files, fields }) => {
        const note = fields.get("note") ?? "";
        if (note.length > 2000) throw new BadRequestError("The note is over 2,000 characters", "note");
        const sheet = fields.get("sheet");
        return receiveReferenceFile(
          db,
          principalOf(request),
          (request.params as { kind: ReferenceKind }).kind,
          files.get("file") as ReceivedFile,
          { publish, note, ...(sheet ? { sheet } : {}) },
          request.ip,
        );
      },
    );

  app.route({ ...getReferenceDataRoute, handler: (request) => getReferenceData(db, request.params.kind) });
  app.route({
    ...downloadReferenceDataRoute,
    handler: async (request, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${request.params.kind.replace("_", "-")}.csv"`)
        .send(await referenceDataCsv(db, request.params.kind)),
  });
  app.route({ ...listReferenceVersionsRoute, handler: (request) => listVersions(db, request.params.kind) });
  app.route({
    ...downloadReferenceVersionFileRoute,
    handler: async (request, reply) => {
      const file = await versionFile(db, request.params.kind, request.params.version);
      return reply
        .type("application/octet-stream")
        .header("content-disposition", `attachment; filename="${attachmentName(file.fileName)}"`)
        .send(file.content as unknown as string);
    },
  });
  app.route({ ...checkReferenceFileRoute, bodyLimit: options.maxUploadBytes + 1024 * 1024, handler: receive(false) });
  app.route({ ...publishReferenceFileRoute, bodyLimit: options.maxUploadBytes + 1024 * 1024, handler: receive(true) });
  app.route({
    ...restoreReferenceVersionRoute,
    handler: (request) =>
      restoreReferenceVersion(
        db,
        principalOf(request),
        request.params.kind,
        request.params.version,
        request.body.note,
        request.ip,
      ),
  });
};
