import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, eq } from "drizzle-orm";

const { periods } = schema;

export async function selectPeriodId(db: Database, type: string, code: string): Promise<number | undefined> {
  const [row] = await db
    .select({ id: periods.id })
    .from(periods)
    .where(and(eq(periods.type, type as (typeof periods.$inferSelect)["type"]), eq(periods.code, code)));
  return row?.id;
}
