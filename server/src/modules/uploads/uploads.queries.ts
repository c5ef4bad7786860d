import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const { datasets, datasetVersions, uploadFiles, uploads } = schema;

export function selectUploads(db: Database, id?: number) {
  const query = db.select().from(uploads).orderBy(desc(uploads.id)).limit(200);
  return id === undefined ? query : query.where(eq(uploads.id, id));
}

/** An upload's file name and size: its bytes are streamed (uploadBytes), never held whole. */
export async function selectUploadFile(db: Database, id: number) {
  const [row] = await db
    .select({ fileName: uploads.fileName, bytes: sql<number>`octet_length(${uploadFiles.content})::int` })
    .from(uploadFiles)
    .innerJoin(uploads, eq(uploads.id, uploadFiles.uploadId))
    .where(eq(uploads.id, id));
  return row;
}

export function selectDatasetVersions(db: Database) {
  const restored = alias(datasetVersions, "restored");
  return db
    .select({
      datasetCode: datasets.code,
      datasetTitle: datasets.title,
      version: datasetVersions.version,
      status: datasetVersions.status,
      fileName: datasetVersions.fileName,
      observationCount: datasetVersions.observationCount,
      note: datasetVersions.note,
      createdBy: datasetVersions.createdBy,
      publishedAt: datasetVersions.publishedAt,
      restoresVersion: restored.version,
      uploadId: uploads.id,
    })
    .from(datasetVersions)
    .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
    .leftJoin(restored, eq(restored.id, datasetVersions.restoresVersionId))
    .leftJoin(uploads, eq(uploads.publishedVersionId, datasetVersions.id))
    .orderBy(asc(datasets.code), desc(datasetVersions.version));
}
