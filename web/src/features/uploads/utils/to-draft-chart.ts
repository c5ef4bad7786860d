import type { DraftChart } from "@plan-outcomes/server/contract";
import { formatDimension } from "../../../lib/format.ts";
import { type ChartPoint, type ChartSeries, isPlottable } from "../../indicators/utils/to-chart-points.ts";

type DraftFigure = DraftChart["figures"][number];

export type DraftChange = "New" | "Changed" | "Unchanged" | "Withdrawn";

/** What publishing does to one figure: the published one against what readers will see. */
export function draftChangeOf(figure: Pick<DraftFigure, "published" | "after">): DraftChange {
  const { published, after } = figure;
  if (!published) return "New";
  if (!after) return "Withdrawn";
  return published.status === after.status && published.value === after.value ? "Unchanged" : "Changed";
}

/** What a draft chart draws: the indicator's title, and the breakdown when it is not the headline ("... (Sex: Girls)"). */
export function draftChartTitle(chart: Pick<DraftChart, "title" | "breakdown">): string {
  const { breakdown } = chart;
  return breakdown ? `${chart.title} (${formatDimension(breakdown.dimension)}: ${breakdown.value})` : chart.title;
}

/** The chart to show first: one whose published figures change or go, else one with new figures, else the first. */
export function firstWorthSeeing(charts: readonly DraftChart[]): DraftChart | undefined {
  const has = (chart: DraftChart, changes: DraftChange[]) =>
    chart.figures.some((figure) => changes.includes(draftChangeOf(figure)));
  return (
    charts.find((chart) => has(chart, ["Changed", "Withdrawn"])) ??
    charts.find((chart) => has(chart, ["New"])) ??
    charts[0]
  );
}

/**
 * The chart of an indicator once the draft is published, as its page will draw it: one line per area, one point per
 * period (in the server's order, oldest first); a period without a drawable figure is a gap.
 */
export function toDraftChartData(chart: DraftChart): { series: ChartSeries[]; points: ChartPoint[] } {
  const series = chart.areas.map((area) => ({ areaCode: area.code, areaName: area.name }));
  const points = new Map<string, ChartPoint>();
  for (const figure of chart.figures) {
    let point = points.get(figure.periodCode);
    if (!point) {
      point = { periodCode: figure.periodCode, periodLabel: figure.periodLabel, values: {}, intervals: {} };
      for (const area of chart.areas) {
        point.values[area.code] = null;
        point.intervals[area.code] = null;
      }
      points.set(figure.periodCode, point);
    }
    point.values[figure.areaCode] = figure.after && isPlottable(figure.after) ? figure.after.value : null;
  }
  return { series, points: [...points.values()] };
}
