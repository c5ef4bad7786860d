import type { Indicator, Observation, ObservationStatus, Verdict } from "@plan-outcomes/server/contract";
import {
  formatComparisonReason,
  formatInterval,
  formatObservedValue,
  formatStatus,
  isStatusSymbol,
} from "../../../lib/format.ts";
import { toOrderedPeriods } from "./to-chart-points.ts";

export interface ObservationRow {
  key: string;
  periodCode: string;
  periodLabel: string;
  areaCode: string;
  areaName: string;
  value: number | null;
  status: ObservationStatus;
  valueText: string;
  lowerCi: number | null;
  upperCi: number | null;
  intervalText: string | null;
  /** "x: Not available"; null for an ordinary value. */
  statusText: string | null;
  /** Null for the benchmark itself. `reason`: why it was not compared, when the row itself does not say. */
  comparison: { verdict: Verdict; description: string; reason: string | null } | null;
  isBenchmark: boolean;
  flags: {
    isIllustrative: boolean;
    isProvisional: boolean;
    isRevised: boolean;
    isDisputed: boolean;
    isQueried: boolean;
  };
  note: string;
}

type Unit = Pick<Indicator, "unit" | "decimalPlaces">;

/**
 * The table beneath the chart: one row per period and area, newest period first, areas in the order
 * they were asked for. Symbols stay symbols; intervals only where published or computed.
 */
export function toTableRows(
  observations: readonly Observation[],
  indicator: Unit,
  areaOrder: readonly string[] = [],
  /** `period|area` of figures with an open query. */
  queried: ReadonlySet<string> = new Set(),
): ObservationRow[] {
  const periodRank = new Map(toOrderedPeriods(observations).map((period, index) => [period.code, index]));
  const benchmarkCodes = new Set(
    observations.flatMap((observation) => (observation.comparison ? [observation.comparison.benchmarkCode] : [])),
  );
  const areaRank = (code: string) => {
    const index = areaOrder.indexOf(code);
    return index === -1 ? areaOrder.length : index;
  };

  return [...observations]
    .sort(
      (a, b) =>
        (periodRank.get(b.period.code) ?? 0) - (periodRank.get(a.period.code) ?? 0) ||
        areaRank(a.areaCode) - areaRank(b.areaCode) ||
        a.areaName.localeCompare(b.areaName),
    )
    .map((observation) => ({
      key: `${observation.period.code}|${observation.areaCode}`,
      periodCode: observation.period.code,
      periodLabel: observation.period.label,
      areaCode: observation.areaCode,
      areaName: observation.areaName,
      value: observation.value,
      status: observation.status,
      // The unit is in the column header, so rates and counts are bare numbers here.
      valueText: formatObservedValue(observation.value, observation.status, indicator.unit, indicator.decimalPlaces, {
        compact: true,
      }),
      lowerCi: observation.lowerCi,
      upperCi: observation.upperCi,
      intervalText:
        observation.lowerCi !== null && observation.upperCi !== null
          ? formatInterval(observation.lowerCi, observation.upperCi, indicator.unit, indicator.decimalPlaces, {
              compact: true,
            })
          : null,
      statusText: formatStatus(observation.status),
      comparison: observation.comparison
        ? {
            verdict: observation.comparison.verdict,
            description: observation.comparison.description,
            // A symbol in the row already says why there is nothing to compare.
            reason:
              observation.comparison.verdict === "not_compared" && !isStatusSymbol(observation.status)
                ? formatComparisonReason(observation.comparison.description)
                : null,
          }
        : null,
      isBenchmark: !observation.comparison && benchmarkCodes.has(observation.areaCode),
      flags: {
        isIllustrative: observation.isIllustrative,
        isProvisional: observation.isProvisional,
        isRevised: observation.isRevised,
        isDisputed: observation.isDisputed,
        isQueried: queried.has(`${observation.period.code}|${observation.areaCode}`),
      },
      note: observation.note,
    }));
}

/** Whether any row has a confidence interval, so the column is shown (and downloaded) only when it says something. */
export function hasIntervals(rows: readonly ObservationRow[]): boolean {
  return rows.some((row) => row.intervalText !== null);
}

export interface ObservationTable {
  rows: ObservationRow[];
  /** Optional columns, shown (and downloaded) only when some row has something to put in them. */
  columns: { interval: boolean; status: boolean; notes: boolean };
  /** When every uncompared row has the same reason, it is said once under the table instead of in each row. */
  commonReason: string | null;
  benchmarkName: string;
}

/** The whole table: rows, which optional columns it needs, and the reason said once. */
export function toObservationTable(
  observations: readonly Observation[],
  indicator: Unit,
  areaOrder: readonly string[] = [],
  queried: ReadonlySet<string> = new Set(),
): ObservationTable {
  const rows = toTableRows(observations, indicator, areaOrder, queried);
  const reasons = new Set(rows.flatMap((row) => (row.comparison?.reason ? [row.comparison.reason] : [])));
  const [onlyReason] = reasons;
  const commonReason = reasons.size === 1 && onlyReason ? onlyReason : null;
  return {
    rows: commonReason
      ? rows.map((row) => (row.comparison ? { ...row, comparison: { ...row.comparison, reason: null } } : row))
      : rows,
    columns: {
      interval: hasIntervals(rows),
      status: rows.some((row) => row.statusText !== null),
      notes: rows.some((row) => row.note !== "" || Object.values(row.flags).some(Boolean)),
    },
    commonReason,
    benchmarkName: toBenchmarkName(observations),
  };
}

/** The benchmark the table compares with, by name ("England"). */
export function toBenchmarkName(observations: readonly Observation[]): string {
  return observations.find((observation) => observation.comparison)?.comparison?.benchmarkName ?? "England";
}
