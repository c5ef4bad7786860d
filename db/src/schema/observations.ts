import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { datasetVersions } from "./datasets.ts";
import { observationStatusEnum } from "./enums.ts";

/** A split of a figure: dimension `total` / value `Total` is the headline. */
export const breakdowns = pgTable(
  "breakdowns",
  {
    id: serial("id").primaryKey(),
    dimension: text("dimension").notNull(),
    value: text("value").notNull(),
    label: text("label").notNull(),
  },
  (t) => [unique("breakdowns_dimension_value").on(t.dimension, t.value)],
);

/**
 * One figure: indicator x area x period x breakdown, from one dataset version.
 * Rows are never deleted: a newer version supersedes a figure by setting `superseded_by_version_id`,
 * and the partial unique index keeps exactly one current figure per key.
 *
 * Its indicator, area, period, breakdown, source and dataset version are checked by a trigger once per
 * statement, not by foreign keys once per row: a million figures are published at a time, and the per-row
 * checks took 12 of its 20 seconds in PostgreSQL (decision record 11, migration 0010). The trigger locks and
 * checks the rows referred to as a foreign key does; the tables referred to refuse removing a row that
 * figures refer to, or changing its id.
 */
export const observations = pgTable(
  "observations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indicatorId: integer("indicator_id").notNull(),
    areaId: integer("area_id").notNull(),
    periodId: integer("period_id").notNull(),
    breakdownId: integer("breakdown_id").notNull(),
    status: observationStatusEnum("status").notNull(),
    value: doublePrecision("value"),
    numerator: doublePrecision("numerator"),
    denominator: doublePrecision("denominator"),
    lowerCi: doublePrecision("lower_ci"),
    upperCi: doublePrecision("upper_ci"),
    isProvisional: boolean("is_provisional").notNull().default(false),
    isRevised: boolean("is_revised").notNull().default(false),
    isIllustrative: boolean("is_illustrative").notNull().default(false),
    isDisputed: boolean("is_disputed").notNull().default(false),
    note: text("note").notNull().default(""),
    sourceId: integer("source_id"),
    /** Where in the source: a section, page, or file row. */
    sourceLocator: text("source_locator").notNull().default(""),
    datasetVersionId: integer("dataset_version_id").notNull(),
    supersededByVersionId: integer("superseded_by_version_id").references(() => datasetVersions.id),
  },
  (t) => [
    uniqueIndex("observations_current_key")
      .on(t.indicatorId, t.areaId, t.periodId, t.breakdownId)
      .where(sql`${t.supersededByVersionId} is null`),
    index("observations_current_area").on(t.areaId, t.indicatorId).where(sql`${t.supersededByVersionId} is null`),
    index("observations_version").on(t.datasetVersionId),
    check(
      "observations_value_matches_status",
      sql`(${t.status} = 'value') = (${t.value} is not null) or ${t.status} = 'u'`,
    ),
    check("observations_denominator_nonnegative", sql`${t.denominator} is null or ${t.denominator} >= 0`),
    check("observations_numerator_nonnegative", sql`${t.numerator} is null or ${t.numerator} >= 0`),
    check("observations_ci_ordered", sql`${t.lowerCi} is null or ${t.upperCi} is null or ${t.lowerCi} <= ${t.upperCi}`),
  ],
);
