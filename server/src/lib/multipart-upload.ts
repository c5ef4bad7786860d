import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyReply, FastifyRequest } from "fastify";
import { BadRequestError } from "../errors.ts";

export interface ReceivedFile {
  path: string;
  fileName: string;
}

export interface MultipartUpload {
  /** Files by field name, each saved under the name the sender gave it. */
  files: Map<string, ReceivedFile>;
  /** Text fields by name, trimmed. */
  fields: Map<string, string>;
}

interface MultipartOptions {
  /** The file fields accepted; any other is refused by name. */
  fileFields: readonly string[];
  /** Says which field is which, after an unexpected one. */
  fieldHint: string;
  maxBytes: number;
}

/**
 * Streams a multipart request's files to a temporary folder, hands them to `use`, and removes them
 * afterwards. A file over the limit is answered here with a 413 naming the limit (the answer is then
 * undefined: the reply is sent), and `use` is not called.
 */
export async function withMultipartUpload<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: MultipartOptions,
  use: (upload: MultipartUpload) => Promise<T>,
): Promise<T | undefined> {
  const dir = mkdtempSync(join(tmpdir(), "plan-outcomes-upload-"));
  try {
    const upload: MultipartUpload = { files: new Map(), fields: new Map() };
    for await (const part of request.parts()) {
      if (part.type === "field") {
        upload.fields.set(part.fieldname, String(part.value).trim());
        continue;
      }
      if (!options.fileFields.includes(part.fieldname)) {
        part.file.resume();
        throw new BadRequestError(`Unexpected file field "${part.fieldname}": ${options.fieldHint}`, part.fieldname);
      }
      const fileName = basename(part.filename || "upload.csv");
      // Each part in its own folder, so the file keeps the name the sender gave it.
      const path = join(mkdtempSync(join(dir, `${part.fieldname}-`)), fileName);
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) {
        const limitMb = Math.round(options.maxBytes / 1024 / 1024);
        reply
          .status(413)
          .type("application/problem+json")
          .send({
            type: "about:blank",
            title: "File too large",
            status: 413,
            detail: `${fileName} is larger than the ${limitMb} MB limit for uploads (UPLOAD_LIMIT_MB).`,
          });
        return undefined;
      }
      upload.files.set(part.fieldname, { path, fileName });
    }
    if (!upload.files.has("file")) {
      throw new BadRequestError("Send the file as multipart/form-data in a field named file", "file");
    }
    return await use(upload);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
