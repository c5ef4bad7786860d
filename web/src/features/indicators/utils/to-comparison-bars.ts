import type { AreaComparison, AreaGroupChoice, Verdict } from "@plan-outcomes/server/contract";
import { COUNCIL_AREA_CODE } from "../../../lib/area-queries.ts";
import { formatInterval, formatObservedValue, formatStatus, formatVerdict } from "../../../lib/format.ts";

export const AREA_GROUP_LABELS: Record<AreaGroupChoice, string> = {
  neighbours: "Dorset and its statistical neighbours",
  local_authorities: "All councils in England",
  localities: "Dorset's localities",
  lag_areas: "Local Alliance Group areas",
};

export interface ComparisonBar {
  areaCode: string;
  areaName: string;
  /** Dorset: drawn and named so it stands out (by a pattern and bold text, not colour alone). */
  isFocus: boolean;
  value: number | null;
  /** Distances below and above the value to the interval's ends, for the whiskers. */
  error: [number, number] | null;
  valueText: string;
  intervalText: string;
  verdict: Verdict;
  verdictText: string;
  /** Why a bar is missing: "c: Suppressed", "x: Not available". */
  statusText: string | null;
  isIllustrative: boolean;
}

/** The bars and the table rows of the compare-areas chart, from the API's answer, highest first. */
export function toComparisonBars(comparison: AreaComparison): ComparisonBar[] {
  const { indicator, benchmark } = comparison;
  return comparison.observations.map((observation) => {
    const hasInterval = observation.value !== null && observation.lowerCi !== null && observation.upperCi !== null;
    const verdict = observation.comparison?.verdict ?? "not_compared";
    return {
      areaCode: observation.areaCode,
      areaName: observation.areaName,
      isFocus: observation.areaCode === COUNCIL_AREA_CODE,
      value: observation.value,
      error: hasInterval
        ? [
            Math.max(0, (observation.value ?? 0) - (observation.lowerCi ?? 0)),
            Math.max(0, (observation.upperCi ?? 0) - (observation.value ?? 0)),
          ]
        : null,
      valueText: formatObservedValue(observation.value, observation.status, indicator.unit, indicator.decimalPlaces),
      intervalText: hasInterval
        ? formatInterval(observation.lowerCi ?? 0, observation.upperCi ?? 0, indicator.unit, indicator.decimalPlaces)
        : "",
      verdict,
      verdictText:
        observation.areaCode === benchmark.areaCode ? "Benchmark" : formatVerdict(verdict, benchmark.areaName),
      statusText: observation.value === null ? formatStatus(observation.status) : null,
      isIllustrative: observation.isIllustrative,
    };
  });
}
