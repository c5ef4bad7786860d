import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { periodTypeEnum, polarityEnum, valueTypeEnum } from "./enums.ts";
import { priorities } from "./plans.ts";
import { sources } from "./sources.ts";

export const indicators = pgTable(
  "indicators",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull().unique(),
    title: text("title").notNull(),
    definition: text("definition").notNull(),
    numerator: text("numerator").notNull().default(""),
    denominator: text("denominator").notNull().default(""),
    /** Display unit, e.g. "%", "per 100 pupils", "per 10,000 children", "count". */
    unit: text("unit").notNull(),
    decimalPlaces: integer("decimal_places").notNull(),
    /** value = numerator / denominator * multiplier (100 for %, 10000 per 10,000). */
    multiplier: integer("multiplier").notNull().default(1),
    valueType: valueTypeEnum("value_type").notNull(),
    polarity: polarityEnum("polarity").notNull(),
    periodType: periodTypeEnum("period_type").notNull(),
    sourceId: integer("source_id").references(() => sources.id),
    caveats: text("caveats").notNull().default(""),
    /** Counts from 1 up to this are suppressed in derived (locality) figures; null: no rule. */
    suppressBelow: integer("suppress_below"),
    /** Interval and significance are not meaningful (e.g. absence: sessions are not independent). */
    noSignificance: boolean("no_significance").notNull().default(false),
    lastUpdated: date("last_updated"),
    nextUpdate: text("next_update"),
  },
  (t) => [
    check("indicators_decimal_places", sql`${t.decimalPlaces} between 0 and 6`),
    check("indicators_multiplier", sql`${t.multiplier} > 0`),
    check("indicators_suppress_below", sql`${t.suppressBelow} is null or ${t.suppressBelow} >= 0`),
  ],
);

/** Which priorities an indicator evidences; one primary per Plan, some are headlines. */
export const indicatorPriorities = pgTable(
  "indicator_priorities",
  {
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    priorityId: integer("priority_id").notNull(),
    planId: integer("plan_id").notNull(),
    isPrimary: boolean("is_primary").notNull().default(false),
    isHeadline: boolean("is_headline").notNull().default(false),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.priorityId] }),
    foreignKey({ columns: [t.priorityId, t.planId], foreignColumns: [priorities.id, priorities.planId] }),
    uniqueIndex("indicator_priorities_one_primary_per_plan").on(t.indicatorId, t.planId).where(sql`${t.isPrimary}`),
    index("indicator_priorities_priority").on(t.priorityId),
  ],
);
