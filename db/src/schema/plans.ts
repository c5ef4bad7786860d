import { sql } from "drizzle-orm";
import { boolean, check, date, integer, pgTable, primaryKey, serial, text, unique } from "drizzle-orm/pg-core";

export const plans = pgTable(
  "plans",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull().unique(),
    title: text("title").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    publishedOn: date("published_on"),
    isCurrent: boolean("is_current").notNull().default(false),
  },
  (t) => [check("plans_dates_ordered", sql`${t.endsOn} >= ${t.startsOn}`)],
);

export const priorities = pgTable(
  "priorities",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id),
    code: text("code").notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull(),
    aims: text("aims").notNull().default(""),
  },
  (t) => [
    unique("priorities_plan_code").on(t.planId, t.code),
    unique("priorities_plan_position").on(t.planId, t.position),
    // Lets indicator_priorities carry plan_id and be checked against it.
    unique("priorities_id_plan").on(t.id, t.planId),
    check("priorities_position_positive", sql`${t.position} > 0`),
  ],
);

/** How a priority of one Plan continues into the next (e.g. Delivering Locally -> Local family help). */
export const priorityMappings = pgTable(
  "priority_mappings",
  {
    fromPriorityId: integer("from_priority_id")
      .notNull()
      .references(() => priorities.id),
    toPriorityId: integer("to_priority_id")
      .notNull()
      .references(() => priorities.id),
    note: text("note").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.fromPriorityId, t.toPriorityId] }),
    check("priority_mappings_distinct", sql`${t.fromPriorityId} <> ${t.toPriorityId}`),
  ],
);
