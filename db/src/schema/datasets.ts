import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { datasetVersionStatusEnum } from "./enums.ts";
import { sources } from "./sources.ts";

/** A series of uploads of the same kind of file (e.g. "DfE LAIT absence"). */
export const datasets = pgTable("datasets", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  title: text("title").notNull(),
  sourceId: integer("source_id").references(() => sources.id),
});

/** One load of a dataset; every observation names the version that brought it. */
export const datasetVersions = pgTable(
  "dataset_versions",
  {
    id: serial("id").primaryKey(),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id),
    version: integer("version").notNull(),
    status: datasetVersionStatusEnum("status").notNull().default("draft"),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    rowCount: integer("row_count").notNull().default(0),
    observationCount: integer("observation_count").notNull().default(0),
    licence: text("licence").notNull().default(""),
    note: text("note").notNull().default(""),
    /** Set when this version restores an earlier one (a rollback). */
    restoresVersionId: integer("restores_version_id"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    unique("dataset_versions_dataset_version").on(t.datasetId, t.version),
    index("dataset_versions_sha").on(t.datasetId, t.fileSha256),
    check("dataset_versions_version_positive", sql`${t.version} > 0`),
    check("dataset_versions_published_has_date", sql`${t.status} = 'draft' or ${t.publishedAt} is not null`),
  ],
);
