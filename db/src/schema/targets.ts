import { bigserial, doublePrecision, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./access.ts";
import { areas } from "./areas.ts";
import { indicators } from "./indicators.ts";
import { periods } from "./periods.ts";

/**
 * What an area aims for on an indicator by a period, from a baseline (Clear Impact style).
 * Every change is a new row; the newest per (indicator, area, period) is current.
 */
export const targets = pgTable(
  "targets",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    periodId: integer("period_id")
      .notNull()
      .references(() => periods.id),
    targetValue: doublePrecision("target_value").notNull(),
    baselineValue: doublePrecision("baseline_value"),
    baselinePeriodId: integer("baseline_period_id").references(() => periods.id),
    note: text("note").notNull().default(""),
    setByUserId: integer("set_by_user_id")
      .notNull()
      .references(() => users.id),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("targets_key").on(t.indicatorId, t.areaId, t.periodId, t.setAt)],
);
