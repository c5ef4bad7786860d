import type { Database, Executor } from "@plan-outcomes/db";
import { ensurePeriods, periodFromCode, periodKey, schema } from "@plan-outcomes/db";
import { and, eq } from "drizzle-orm";

const { periods } = schema;
type PeriodType = (typeof periods.$inferSelect)["type"];

export async function selectPeriodId(db: Database | Executor, type: string, code: string): Promise<number | undefined> {
  const [row] = await db
    .select({ id: periods.id })
    .from(periods)
    .where(and(eq(periods.type, type as PeriodType), eq(periods.code, code)));
  return row?.id;
}

/** A period a target may be set for: one with data, or a future year that no figure names yet (added). */
export async function targetPeriodId(tx: Executor, type: string, code: string): Promise<number | undefined> {
  const existing = await selectPeriodId(tx, type, code);
  if (existing !== undefined) return existing;
  const period = periodFromCode(type as PeriodType, code);
  if (!period) return undefined;
  const ids = await ensurePeriods(tx, [period]);
  return ids.get(periodKey(period.type, period.code));
}
