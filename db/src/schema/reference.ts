import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { users } from "./access.ts";
import { areas } from "./areas.ts";
import { bytea } from "./columns.ts";

/**
 * Reference data analysts maintain: the localities and LAG areas themselves, the dated lookup that
 * places wards, LSOAs and schools in them, and the Family Hub sites and outreach points.
 */
export const referenceKindEnum = pgEnum("reference_kind", ["localities", "lookup", "family_hubs"]);

/**
 * One load of a kind of reference data. Its rows are never changed or deleted: the latest version of a
 * kind is the current one, and restoring an earlier version copies its rows into a new version.
 */
export const referenceVersions = pgTable(
  "reference_versions",
  {
    id: serial("id").primaryKey(),
    kind: referenceKindEnum("kind").notNull(),
    version: integer("version").notNull(),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    /** The exact bytes loaded, so any version's file can be downloaded again. */
    content: bytea("content").notNull(),
    rowCount: integer("row_count").notNull(),
    note: text("note").notNull().default(""),
    /** Stand-in data made by the project (e.g. the seeded LSOA lookup), badged wherever it is used. */
    isIllustrative: boolean("is_illustrative").notNull().default(false),
    restoresVersionId: integer("restores_version_id"),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reference_versions_kind_version").on(t.kind, t.version),
    check("reference_versions_version_positive", sql`${t.version} > 0`),
  ],
);

/** A locality or LAG area as one version of the localities file defines it. */
export const localityDefinitions = pgTable(
  "locality_definitions",
  {
    id: serial("id").primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => referenceVersions.id),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    code: text("code").notNull(),
    type: text("type").notNull(),
    name: text("name").notNull(),
    parentCode: text("parent_code").notNull(),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    note: text("note").notNull().default(""),
  },
  (t) => [unique("locality_definitions_version_code").on(t.versionId, t.code)],
);

/** Which locality or LAG area a ward, LSOA or school belongs to, and from when to when. */
export const areaLookups = pgTable(
  "area_lookups",
  {
    id: serial("id").primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => referenceVersions.id),
    memberAreaId: integer("member_area_id")
      .notNull()
      .references(() => areas.id),
    groupAreaId: integer("group_area_id")
      .notNull()
      .references(() => areas.id),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    /** Residents (e.g. an LSOA's population), used to weight figures built up from members. */
    population: doublePrecision("population"),
  },
  (t) => [
    index("area_lookups_version_group").on(t.versionId, t.groupAreaId),
    check(
      "area_lookups_validity_ordered",
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
    check("area_lookups_population_nonnegative", sql`${t.population} is null or ${t.population} >= 0`),
  ],
);

export const familyHubKindEnum = pgEnum("family_hub_kind", ["site", "outreach", "online"]);

/** A Family Hub site, outreach point or online service, with where it is and when it was open. */
export const familyHubs = pgTable(
  "family_hubs",
  {
    id: serial("id").primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => referenceVersions.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: familyHubKindEnum("kind").notNull(),
    /** Null only for a county-wide service such as Family Hub Online. */
    localityAreaId: integer("locality_area_id").references(() => areas.id),
    lagAreaId: integer("lag_area_id").references(() => areas.id),
    openedOn: date("opened_on"),
    closedOn: date("closed_on"),
    address: text("address").notNull().default(""),
    note: text("note").notNull().default(""),
  },
  (t) => [
    unique("family_hubs_version_code").on(t.versionId, t.code),
    index("family_hubs_version_locality").on(t.versionId, t.localityAreaId),
    check(
      "family_hubs_dates_ordered",
      sql`${t.closedOn} is null or ${t.openedOn} is null or ${t.closedOn} >= ${t.openedOn}`,
    ),
  ],
);
