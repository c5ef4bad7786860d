import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { areaTypeEnum } from "./enums.ts";
import { sources } from "./sources.ts";

/**
 * Every geography the product knows, official or minted by the project, with its validity dates:
 * Dorset County (835, to March 2019) and Dorset Council (838) are two areas, never one.
 */
export const areas = pgTable(
  "areas",
  {
    id: serial("id").primaryKey(),
    /** Stable project code: the ONS code where there is one, else a minted code (e.g. LA-820, DOR-LAG-PORTLAND). */
    code: text("code").notNull().unique(),
    type: areaTypeEnum("type").notNull(),
    name: text("name").notNull(),
    onsCode: text("ons_code"),
    /** DfE LA number (old_la_code); for schools the LAESTAB. */
    dfeCode: text("dfe_code"),
    parentId: integer("parent_id").references((): AnyPgColumn => areas.id),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    note: text("note").notNull().default(""),
  },
  (t) => [
    uniqueIndex("areas_ons_code").on(t.onsCode),
    // DfE reuses an LA number when an LA is reorganised (North Yorkshire 815, Somerset 933).
    index("areas_type_dfe_code").on(t.type, t.dfeCode),
    index("areas_parent").on(t.parentId),
    check(
      "areas_validity_ordered",
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
  ],
);

/** Other names an area is known by in files ("Dorset (Pre LG)", "Bournemouth, Christchurch & Poole"). */
export const areaAliases = pgTable(
  "area_aliases",
  {
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    /** Lower-cased, spaces collapsed: see normaliseAreaName. */
    alias: text("alias").notNull(),
  },
  (t) => [primaryKey({ columns: [t.alias, t.areaId] }), index("area_aliases_area").on(t.areaId)],
);

/** Named sets of areas, e.g. Dorset's DfE statistical neighbours (April 2021). */
export const areaGroups = pgTable("area_groups", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  anchorAreaId: integer("anchor_area_id").references(() => areas.id),
  sourceId: integer("source_id").references(() => sources.id),
});

export const areaGroupMembers = pgTable(
  "area_group_members",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => areaGroups.id),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    position: integer("position").notNull(),
    /** e.g. "Very Close", as DfE grades neighbours. */
    closeness: text("closeness").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.areaId] })],
);
