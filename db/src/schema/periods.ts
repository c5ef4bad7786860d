import { sql } from "drizzle-orm";
import { check, date, pgTable, serial, text, unique } from "drizzle-orm/pg-core";
import { periodTypeEnum } from "./enums.ts";

export const periods = pgTable(
  "periods",
  {
    id: serial("id").primaryKey(),
    type: periodTypeEnum("type").notNull(),
    /** Canonical code as DfE writes it: 202223 (academic), 202324 (financial), 2025 (reporting year). */
    code: text("code").notNull(),
    /** As people say it: 2022/23, 2023-24, at 31 March 2025. */
    label: text("label").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
  },
  (t) => [
    unique("periods_type_code").on(t.type, t.code),
    check("periods_dates_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);
