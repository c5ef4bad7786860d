import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./access.ts";
import { areas } from "./areas.ts";
import { indicators } from "./indicators.ts";
import { periods } from "./periods.ts";

/**
 * "The story behind the curve": Markdown written by locality leads and analysts about an indicator
 * in an area (and optionally a period). Every edit is a new row; the newest per key is current.
 */
export const commentaries = pgTable(
  "commentaries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    periodId: integer("period_id").references(() => periods.id),
    markdown: text("markdown").notNull(),
    authorUserId: integer("author_user_id")
      .notNull()
      .references(() => users.id),
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("commentaries_key").on(t.indicatorId, t.areaId, t.periodId, t.writtenAt),
    check("commentaries_length", sql`length(${t.markdown}) <= 20000`),
  ],
);
