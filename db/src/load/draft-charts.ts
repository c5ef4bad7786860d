import { sql } from "drizzle-orm";
import { type Executor, intArrayLiteral, queryRows } from "../client.ts";
import type { ObservationStatus } from "../domain/types.ts";
import type { indicators } from "../schema/index.ts";

type Polarity = (typeof indicators.$inferSelect)["polarity"];

/** The areas an indicator's page charts, in its order: Dorset, the South West and England. */
export const DRAFT_CHART_DEFAULT_AREAS = ["E06000059", "E12000009", "E92000001"] as const;
/** Lines on a chart of a file that gives none of the default areas (a locality template, say). */
export const DRAFT_CHART_MAX_AREAS = 6;
/** Indicators charted: a file bringing more gets its first, by code; the preview's tables count them all. */
export const DRAFT_CHART_MAX_INDICATORS = 50;

interface Figure {
  status: ObservationStatus;
  value: number | null;
}

/**
 * One indicator's headline figures (or first breakdown's, see `breakdown`) as its page shows them now and as it
 * will once the file is published.
 */
export interface DraftChart {
  indicatorCode: string;
  title: string;
  /** The figures charted: null for the headline (total); for an indicator the file gives no total for, its first breakdown. */
  breakdown: { dimension: string; value: string } | null;
  unit: string;
  decimalPlaces: number;
  polarity: Polarity;
  periodType: string;
  areas: { code: string; name: string }[];
  /** Every area and period with a figure before or after: periods oldest first, then areas by code. */
  figures: {
    areaCode: string;
    periodCode: string;
    periodLabel: string;
    /** The current published figure; null where there is none. */
    published: Figure | null;
    /** What readers will see once published; null where the figure is withdrawn or there is none. */
    after: Figure | null;
  }[];
}

/**
 * Redraws the charts on the draft, inside the check's transaction: for each indicator the rehearsal (table
 * `rehearsed`) gives figures for, the published series and the series after publishing, of Dorset, the South West
 * and England when the file gives any of them, else of the first areas it gives. The series is the headline (total)
 * when the file gives it, else the first breakdown it gives (a new indicator given only by sex, say).
 * `withdrawnFrom`: the dataset's other versions, whose figures the file does not repeat are withdrawn.
 */
export async function draftCharts(
  tx: Executor,
  rehearsed: string,
  withdrawnFrom: { datasetId: number; versionId: number },
): Promise<DraftChart[]> {
  const fresh = sql.identifier(rehearsed);
  const given = await queryRows<{ indicator_id: number; breakdown_id: number; area_id: number; area_code: string }>(
    tx,
    sql`with breakdowns_given as (select indicator_id, breakdown_id from ${fresh} group by indicator_id, breakdown_id),
        chosen as (
          select distinct on (g.indicator_id) g.indicator_id, g.breakdown_id from breakdowns_given g
          join breakdowns b on b.id = g.breakdown_id
          order by g.indicator_id, b.dimension <> 'total', b.dimension, b.value),
        charted as (
          select c.indicator_id, c.breakdown_id from chosen c join indicators i on i.id = c.indicator_id
          order by i.code limit ${DRAFT_CHART_MAX_INDICATORS})
        select distinct f.indicator_id, f.breakdown_id, f.area_id, a.code as area_code
        from ${fresh} f join charted c using (indicator_id, breakdown_id) join areas a on a.id = f.area_id`,
  );
  const byIndicator = new Map<number, typeof given>();
  for (const row of given) {
    const rows = byIndicator.get(row.indicator_id) ?? [];
    rows.push(row);
    byIndicator.set(row.indicator_id, rows);
  }
  const pairs: { indicatorId: number; breakdownId: number; areaId: number }[] = [];
  for (const [indicatorId, rows] of byIndicator) {
    const defaults = rows.filter((row) => (DRAFT_CHART_DEFAULT_AREAS as readonly string[]).includes(row.area_code));
    const shown = (
      defaults.length > 0 ? defaults : rows.toSorted((a, b) => a.area_code.localeCompare(b.area_code))
    ).slice(0, DRAFT_CHART_MAX_AREAS);
    for (const row of shown) pairs.push({ indicatorId, breakdownId: row.breakdown_id, areaId: row.area_id });
  }
  if (pairs.length === 0) return [];

  const rows = await queryRows<{
    indicator_code: string;
    title: string;
    unit: string;
    decimal_places: number;
    polarity: Polarity;
    period_type: string;
    dimension: string;
    breakdown_value: string;
    area_code: string;
    area_name: string;
    period_code: string;
    period_label: string;
    published_status: ObservationStatus | null;
    published_value: number | null;
    after_status: ObservationStatus | null;
    after_value: number | null;
  }>(
    tx,
    sql`with pairs as (
          select * from unnest(${intArrayLiteral(pairs.map((pair) => pair.indicatorId))}::int[],
                               ${intArrayLiteral(pairs.map((pair) => pair.breakdownId))}::int[],
                               ${intArrayLiteral(pairs.map((pair) => pair.areaId))}::int[])
            as p(indicator_id, breakdown_id, area_id)),
        draft as (
          select f.indicator_id, f.breakdown_id, f.area_id, f.period_id, f.status, f.value from ${fresh} f
          join pairs using (indicator_id, breakdown_id, area_id)),
        current as (
          select o.indicator_id, o.breakdown_id, o.area_id, o.period_id, o.status, o.value,
                 o.dataset_version_id in (select id from dataset_versions
                   where dataset_id = ${withdrawnFrom.datasetId} and id <> ${withdrawnFrom.versionId}) as withdrawable
          from observations o join pairs using (indicator_id, breakdown_id, area_id)
          where o.superseded_by_version_id is null)
        select i.code as indicator_code, i.title, i.unit, i.decimal_places, i.polarity, i.period_type,
               b.dimension, b.value as breakdown_value,
               a.code as area_code, a.name as area_name, p.code as period_code, p.label as period_label,
               c.status as published_status, c.value as published_value,
               case when d.status is not null then d.status when not c.withdrawable then c.status end as after_status,
               case when d.status is not null then d.value when not c.withdrawable then c.value end as after_value
        from draft d full join current c using (indicator_id, breakdown_id, area_id, period_id)
        join indicators i on i.id = indicator_id join breakdowns b on b.id = breakdown_id
        join areas a on a.id = area_id join periods p on p.id = period_id
        order by i.code, p.starts_on, p.ends_on, p.code, a.code`,
  );

  const charts = new Map<string, DraftChart>();
  for (const row of rows) {
    let chart = charts.get(row.indicator_code);
    if (!chart) {
      chart = {
        indicatorCode: row.indicator_code,
        title: row.title,
        breakdown: row.dimension === "total" ? null : { dimension: row.dimension, value: row.breakdown_value },
        unit: row.unit,
        decimalPlaces: row.decimal_places,
        polarity: row.polarity,
        periodType: row.period_type,
        areas: [],
        figures: [],
      };
      charts.set(row.indicator_code, chart);
    }
    if (!chart.areas.some((area) => area.code === row.area_code)) {
      chart.areas.push({ code: row.area_code, name: row.area_name });
    }
    chart.figures.push({
      areaCode: row.area_code,
      periodCode: row.period_code,
      periodLabel: row.period_label,
      published: row.published_status ? { status: row.published_status, value: row.published_value } : null,
      after: row.after_status ? { status: row.after_status, value: row.after_value } : null,
    });
  }
  // Dorset, the South West, then England, as the indicator page draws them; other areas by code.
  const rank = (code: string) => {
    const at = (DRAFT_CHART_DEFAULT_AREAS as readonly string[]).indexOf(code);
    return at === -1 ? DRAFT_CHART_DEFAULT_AREAS.length : at;
  };
  for (const chart of charts.values()) chart.areas.sort((a, b) => rank(a.code) - rank(b.code));
  return [...charts.values()];
}
