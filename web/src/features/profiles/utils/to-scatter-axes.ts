import type { AreaProfile } from "@plan-outcomes/server/contract";
import type { ScatterFigure } from "./to-scatter-points.ts";

/** One measure a scatter can plot: an indicator of the profile, or the areas' deprivation. */
export interface ScatterAxis {
  code: string;
  title: string;
  unit: string;
  decimalPlaces: number;
  period: { code: string; label: string } | null;
  /** Figures the profile already holds (deprivation); null when they are fetched for the period. */
  figures: ScatterFigure[] | null;
  /** Said under the chart when the axis is plotted. */
  note: string | null;
}

/** Enough areas with a figure to draw a pattern from. */
const MINIMUM_POINTS = 3;

/**
 * The measures the scatter offers: deprivation first where the lookup gives enough areas a figure (the
 * question LAG chairs ask most), then every indicator with figures for the sibling areas.
 */
export function toScatterAxes(profile: AreaProfile): ScatterAxis[] {
  const axes: ScatterAxis[] = [];
  const deprivation = profile.deprivation;
  if (deprivation && deprivation.areas.filter((area) => area.value !== null).length >= MINIMUM_POINTS) {
    axes.push({
      code: deprivation.indicatorCode,
      title: `Deprivation: ${deprivation.label.charAt(0).toLowerCase()}${deprivation.label.slice(1)}${
        deprivation.isIllustrative ? " (illustrative)" : ""
      }`,
      unit: "rank",
      decimalPlaces: 0,
      period: { code: "2019", label: "IMD 2019" },
      figures: deprivation.areas.map((area) => ({
        areaCode: area.areaCode,
        areaName: area.areaName,
        value: area.value,
        isIllustrative: deprivation.isIllustrative,
      })),
      note: `${deprivation.description}${
        deprivation.isIllustrative
          ? ` Illustrative: ${deprivation.lookup?.note ?? "no official lookup of LSOAs to localities has been loaded."}`
          : ""
      }`,
    });
  }
  for (const entry of profile.priorities.flatMap((priority) => priority.indicators)) {
    if (entry.area.spread === null || entry.area.latest === null) continue;
    axes.push({
      code: entry.indicator.code,
      title: entry.indicator.title,
      unit: entry.indicator.unit,
      decimalPlaces: entry.indicator.decimalPlaces,
      period: { code: entry.area.latest.period.code, label: entry.area.latest.period.label },
      figures: null,
      note: null,
    });
  }
  return axes;
}

/** The axes asked for, or the first two on offer when a choice is missing or unknown. */
export function chooseAxes(
  axes: readonly ScatterAxis[],
  choice: { x: string | null; y: string | null },
): { x: ScatterAxis; y: ScatterAxis } | null {
  const [first, second] = axes;
  if (!first || !second) return null;
  return {
    x: axes.find((axis) => axis.code === choice.x) ?? first,
    y: axes.find((axis) => axis.code === choice.y) ?? second,
  };
}
