import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client.ts";
import type { Period } from "../domain/types.ts";
import { breakdowns, periods } from "../schema/index.ts";

const periodKey = (type: string, code: string) => `${type}:${code}`;

/** Upserts periods and returns their ids by `type:code`. */
export async function ensurePeriods(tx: Executor, wanted: Iterable<Period>): Promise<Map<string, number>> {
  const unique = new Map<string, Period>();
  for (const period of wanted) unique.set(periodKey(period.type, period.code), period);
  const rows = [...unique.values()];
  for (let start = 0; start < rows.length; start += 500) {
    await tx
      .insert(periods)
      .values(rows.slice(start, start + 500))
      .onConflictDoNothing({ target: [periods.type, periods.code] });
  }
  const all = await tx.select({ id: periods.id, type: periods.type, code: periods.code }).from(periods);
  return new Map(all.map((row) => [periodKey(row.type, row.code), row.id]));
}

const breakdownKey = (dimension: string, value: string) => `${dimension}:${value}`;

/** Adds the breakdowns not known yet; returns every breakdown's id by `dimension:value`, and which were added. */
export async function ensureBreakdowns(
  tx: Executor,
  wanted: Iterable<{ dimension: string; value: string }>,
): Promise<{ ids: Map<string, number>; created: { dimension: string; value: string }[] }> {
  const unique = new Map<string, { dimension: string; value: string; label: string }>();
  for (const b of wanted) unique.set(breakdownKey(b.dimension, b.value), { ...b, label: b.value });
  const created =
    unique.size > 0
      ? await tx
          .insert(breakdowns)
          .values([...unique.values()])
          .onConflictDoNothing({ target: [breakdowns.dimension, breakdowns.value] })
          .returning({ dimension: breakdowns.dimension, value: breakdowns.value })
      : [];
  const all = await tx.select().from(breakdowns);
  return { ids: new Map(all.map((row) => [breakdownKey(row.dimension, row.value), row.id])), created };
}

export { breakdownKey, periodKey };

/** A digest of every row of every table: tests use it to prove a refused load changed nothing. */
export async function databaseChecksum(tx: Executor, options: { except?: string[] } = {}): Promise<string> {
  const tables = await queryRows<{ name: string }>(
    tx,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const parts: string[] = [];
  for (const { name } of tables.filter((table) => !options.except?.includes(table.name))) {
    const [row] = await queryRows<{ digest: string | null }>(
      tx,
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`,
    );
    parts.push(`${name}:${row?.digest ?? ""}`);
  }
  return parts.join(",");
}
