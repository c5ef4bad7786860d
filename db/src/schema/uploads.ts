import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "./access.ts";
import { bytea } from "./columns.ts";
import { datasetVersions } from "./datasets.ts";
import { indicators } from "./indicators.ts";

/** How columns of files analysts already have feed indicators: saved, and reused when the layout comes again. */
export const sourceMappings = pgTable(
  "source_mappings",
  {
    id: serial("id").primaryKey(),
    /** `lait` (key: the Short Desc code) or `ees` (key: value column and filters). */
    kind: text("kind").notNull(),
    /**
     * The layout of the file a mapping was made from (a digest of its column names), so a column of the
     * same name in a differently shaped file is not read as the same indicator. Empty: any layout (the
     * catalogue's mappings, LAIT's measure codes, and mappings saved before layouts were recorded).
     */
    layout: text("layout").notNull().default(""),
    key: text("key").notNull(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    /** The importer's mapping, without the indicator code (which comes from indicator_id). */
    spec: jsonb("spec").notNull(),
  },
  (t) => [
    unique("source_mappings_kind_layout_key").on(t.kind, t.layout, t.key),
    check("source_mappings_kind", sql`${t.kind} in ('lait', 'ees')`),
  ],
);

export const uploadStatusEnum = pgEnum("upload_status", ["refused", "ready", "published", "discarded"]);

/** Every upload attempt, refused or not, with its validation report: the only rows a refused file writes. */
export const uploads = pgTable("uploads", {
  id: serial("id").primaryKey(),
  fileName: text("file_name").notNull(),
  fileSha256: text("file_sha256").notNull(),
  byteSize: integer("byte_size").notNull(),
  format: text("format").notNull(),
  datasetCode: text("dataset_code").notNull(),
  status: uploadStatusEnum("status").notNull(),
  report: jsonb("report").notNull(),
  uploadedByUserId: integer("uploaded_by_user_id").references(() => users.id),
  uploadedBy: text("uploaded_by").notNull(),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  publishedVersionId: integer("published_version_id").references(() => datasetVersions.id),
});

/** The exact bytes uploaded, so any version's file can be downloaded again. */
export const uploadFiles = pgTable("upload_files", {
  uploadId: integer("upload_id")
    .primaryKey()
    .references(() => uploads.id),
  content: bytea("content").notNull(),
  /** The `.meta.csv` (or LAIT data dictionary) sent with the file, if any: publishing reads it again. */
  metaFileName: text("meta_file_name"),
  metaContent: bytea("meta_content"),
  /** For a workbook: the sheet the analyst chose (null: the first), so publishing reads the same one. */
  sheetName: text("sheet_name"),
  /**
   * What the check learnt of an EES file's columns (which hold figures, which filters, and their values), so
   * publishing these same bytes reads them once, not twice. Null for other layouts and older uploads.
   */
  eesScan: jsonb("ees_scan"),
});
