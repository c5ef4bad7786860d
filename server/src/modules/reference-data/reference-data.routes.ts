import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
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
import { neutraliseFormula } from "../access/audit-export.ts";
import type { Principal } from "../access/principal.ts";
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

function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw new Error("route reached without a principal");
  return request.principal;
}

const attachmentName = (name: string) => neutraliseFormula(name).replace(/["\\\r\n]/g, "_");

export const referenceDataRoutes: FastifyPluginAsyncTypebox<ReferenceDataOptions> = async (app, options) => {
  const db = app.database.db;
  await app.register(multipart, { limits: { fileSize: options.maxUploadBytes, files: 1, fields: 3 } });

  /** Streams the multipart file to a temporary folder, then checks (and with `publish`, publishes) it. */
  const receive = (publish: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const { kind } = request.params as { kind: ReferenceKind };
    const dir = mkdtempSync(join(tmpdir(), "plan-outcomes-reference-"));
    try {
      let file: { path: string; fileName: string } | undefined;
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === "field") {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (part.fieldname !== "file") {
          part.file.resume();
          throw new BadRequestError(`Unexpected file field "${part.fieldname}": send the file as file`, part.fieldname);
        }
        const fileName = basename(part.filename || `${kind}.csv`);
        const path = join(dir, fileName);
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
        file = { path, fileName };
      }
      if (!file) throw new BadRequestError("Send the file as multipart/form-data in a field named file", "file");
      const note = (fields.note ?? "").trim();
      if (note.length > 2000) throw new BadRequestError("The note is over 2,000 characters", "note");
      const sheet = fields.sheet?.trim();
      return await receiveReferenceFile(
        db,
        principalOf(request),
        kind,
        file,
        { publish, note, ...(sheet ? { sheet } : {}) },
        request.ip,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

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
