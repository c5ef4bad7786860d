import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./access.ts";
import { areas } from "./areas.ts";
import { indicators } from "./indicators.ts";
import { breakdowns } from "./observations.ts";
import { periods } from "./periods.ts";

/**
 * A reader's doubt about one published figure ("we think this is 5-6, not 1") and the analyst's
 * answer. Answered queries stay on record beside the figure; they are never deleted.
 */
export const figureQueries = pgTable(
  "figure_queries",
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
    breakdownId: integer("breakdown_id")
      .notNull()
      .references(() => breakdowns.id),
    question: text("question").notNull(),
    /** What the reader thinks the figure should be, in their words ("5-6"). */
    suggestedValue: text("suggested_value").notNull().default(""),
    raisedByUserId: integer("raised_by_user_id")
      .notNull()
      .references(() => users.id),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    /** open, then figure_stands or corrected once an analyst answers. */
    status: text("status").notNull().default("open"),
    answer: text("answer"),
    answeredByUserId: integer("answered_by_user_id").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    index("figure_queries_figure").on(t.indicatorId, t.areaId, t.periodId),
    index("figure_queries_open").on(t.status),
    check("figure_queries_status", sql`${t.status} in ('open', 'figure_stands', 'corrected')`),
    check(
      "figure_queries_answered",
      sql`(${t.status} = 'open') = (${t.answer} is null and ${t.answeredByUserId} is null and ${t.answeredAt} is null)`,
    ),
  ],
);
