import type { Observation } from "@plan-outcomes/server/contract";

export interface ChartPoint {
  periodCode: string;
  periodLabel: string;
  /** By area code: the value, or null where it is missing or suppressed (a gap in the line, never 0). */
  values: Record<string, number | null>;
  /** By area code: the 95% interval [lower, upper] where there is one, for a confidence band. */
  intervals: Record<string, [number, number] | null>;
}

export interface ChartSeries {
  areaCode: string;
  areaName: string;
}

/** Whether an observation has a figure that can be drawn: a value, or a low-reliability value. */
export function isPlottable(observation: Pick<Observation, "value" | "status">): boolean {
  return observation.value !== null && (observation.status === "value" || observation.status === "u");
}

/** Periods in time order (start date, then end date), each once. */
export function toOrderedPeriods(observations: readonly Observation[]): Observation["period"][] {
  const periods = new Map<string, Observation["period"]>();
  for (const observation of observations) periods.set(observation.period.code, observation.period);
  return [...periods.values()].sort(
    (a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn) || a.code.localeCompare(b.code),
  );
}

/**
 * One point per period, oldest first, with every area's value. An area with no figure for a period,
 * or only a symbol (c, x, z, low), gets null so the chart draws a gap.
 */
export function toChartPoints(observations: readonly Observation[]): ChartPoint[] {
  const areaCodes = [...new Set(observations.map((observation) => observation.areaCode))];
  return toOrderedPeriods(observations).map((period) => {
    const values: Record<string, number | null> = {};
    const intervals: Record<string, [number, number] | null> = {};
    for (const areaCode of areaCodes) {
      values[areaCode] = null;
      intervals[areaCode] = null;
    }
    for (const observation of observations) {
      if (observation.period.code === period.code && isPlottable(observation)) {
        values[observation.areaCode] = observation.value;
        if (observation.lowerCi !== null && observation.upperCi !== null) {
          intervals[observation.areaCode] = [observation.lowerCi, observation.upperCi];
        }
      }
    }
    return { periodCode: period.code, periodLabel: period.label, values, intervals };
  });
}

/** One line per area, in the order the areas were asked for; areas not asked for follow in order of appearance. */
export function toChartSeries(observations: readonly Observation[], areaOrder: readonly string[] = []): ChartSeries[] {
  const series = new Map<string, ChartSeries>();
  for (const observation of observations) {
    if (!series.has(observation.areaCode)) {
      series.set(observation.areaCode, { areaCode: observation.areaCode, areaName: observation.areaName });
    }
  }
  const rank = (code: string) => {
    const index = areaOrder.indexOf(code);
    return index === -1 ? areaOrder.length : index;
  };
  return [...series.values()].sort((a, b) => rank(a.areaCode) - rank(b.areaCode));
}

/** Areas asked for that have no observation at all, so the page can say so instead of silently dropping them. */
export function toAreasWithoutFigures(areaCodes: readonly string[], observations: readonly Observation[]): string[] {
  const present = new Set(observations.map((observation) => observation.areaCode));
  return areaCodes.filter((code) => !present.has(code));
}
