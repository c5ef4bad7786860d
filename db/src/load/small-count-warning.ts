import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client.ts";
import { countBehind, DERIVED_AREA_TYPES, isSmallCount } from "../domain/small-counts.ts";
import type { ImportWarning } from "../importers/types.ts";
import { inFileOrder } from "./publish.ts";

const formatNumber = (n: number) => n.toLocaleString("en-GB");

/**
 * Warns, before publishing, of the file's figures that readers will see hidden: a locality's or LAG area's figure
 * resting on a small count (the rule of DOMAIN.md section 6, the same readers' suppression applies). Figures hidden
 * only to protect them (the next-smallest area or category) depend on the rest of the published figures and are
 * not counted here. Read from the check's rehearsed figures (table `rehearsed`).
 */
export async function smallCountWarning(
  tx: Executor,
  rehearsed: string,
  fileLabel: string,
): Promise<ImportWarning | undefined> {
  const candidates = await queryRows<{
    indicator_code: string;
    suppress_below: number;
    value_type: string;
    area_name: string;
    period_label: string;
    numerator: number | null;
    value: number | null;
  }>(
    tx,
    sql`select i.code as indicator_code, i.suppress_below, i.value_type, a.name as area_name, p.label as period_label,
               f.numerator, f.value
        from ${sql.identifier(rehearsed)} f
        join indicators i on i.id = f.indicator_id join areas a on a.id = f.area_id join periods p on p.id = f.period_id
        where i.suppress_below is not null and f.status = 'value'
          and a.type in (${sql.join(
            DERIVED_AREA_TYPES.map((type) => sql`${type}`),
            sql`, `,
          )})
        order by ${inFileOrder(sql`f.source_locator`)}`,
  );
  const small = candidates.filter((figure) =>
    isSmallCount(countBehind(figure, figure.value_type), figure.suppress_below),
  );
  const [first] = small;
  if (!first) return undefined;
  return {
    kind: "small-counts",
    message:
      `${fileLabel}: ${formatNumber(small.length)} locality or LAG area figure${small.length === 1 ? " rests" : "s rest"} ` +
      "on a count small enough to identify people, and will be shown as suppressed (c), with the next-smallest " +
      `figure wherever a total would reveal it; first ${first.indicator_code}, ${first.area_name}, ${first.period_label} ` +
      `(count ${formatNumber(countBehind(first, first.value_type) as number)}, hidden from 1 to ${first.suppress_below})`,
    count: small.length,
  };
}
