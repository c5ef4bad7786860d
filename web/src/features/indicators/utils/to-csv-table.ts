import type { Indicator } from "@plan-outcomes/server/contract";
import type { CsvCell } from "../../../lib/csv.ts";
import {
  formatValueHeader,
  INTERVAL_MIN_DECIMAL_PLACES,
  isStatusSymbol,
  STATUS_MEANINGS,
} from "../../../lib/format.ts";
import type { ObservationRow } from "./to-table-rows.ts";

const FLAG_LABELS = {
  isIllustrative: "Illustrative",
  isProvisional: "Provisional",
  isRevised: "Revised",
  isDisputed: "Disputed",
  isQueried: "Queried",
} as const satisfies Record<keyof ObservationRow["flags"], string>;

export function toFlagLabels(flags: ObservationRow["flags"]): string[] {
  return (Object.keys(FLAG_LABELS) as (keyof typeof FLAG_LABELS)[])
    .filter((key) => flags[key])
    .map((key) => FLAG_LABELS[key]);
}

function round(value: number, decimalPlaces: number): number {
  const factor = 10 ** decimalPlaces;
  return Math.round(value * factor) / factor;
}

/**
 * The table as a download: the same rows and columns as on screen (plus area codes). Values are numbers
 * rounded as shown, or the symbol where there is none (missing stays missing, never 0); the interval splits
 * into two numbers, and the comparison keeps its full description.
 */
export function toCsvTable(
  rows: readonly ObservationRow[],
  indicator: Pick<Indicator, "unit" | "decimalPlaces">,
  options: { columns: { interval: boolean; status: boolean; notes: boolean }; benchmarkName: string },
): { header: string[]; rows: CsvCell[][] } {
  const intervalPlaces = Math.max(indicator.decimalPlaces, INTERVAL_MIN_DECIMAL_PLACES);
  const header = [
    "Period",
    "Area",
    "Area code",
    formatValueHeader(indicator.unit),
    ...(options.columns.interval ? ["Lower 95% limit", "Upper 95% limit"] : []),
    ...(options.columns.status ? ["Status"] : []),
    `Compared with ${options.benchmarkName}`,
    ...(options.columns.notes ? ["Flags", "Note"] : []),
  ];
  const body = rows.map((row): CsvCell[] => [
    row.periodLabel,
    row.areaName,
    row.areaCode,
    row.value !== null && (row.status === "value" || row.status === "u")
      ? round(row.value, indicator.decimalPlaces)
      : isStatusSymbol(row.status)
        ? row.status
        : null,
    ...(options.columns.interval
      ? [
          row.lowerCi === null ? null : round(row.lowerCi, intervalPlaces),
          row.upperCi === null ? null : round(row.upperCi, intervalPlaces),
        ]
      : []),
    ...(options.columns.status
      ? [isStatusSymbol(row.status) ? `${row.status}: ${STATUS_MEANINGS[row.status]}` : null]
      : []),
    row.comparison ? row.comparison.description : row.isBenchmark ? "Benchmark" : "Not compared",
    ...(options.columns.notes ? [toFlagLabels(row.flags).join("; "), row.note] : []),
  ]);
  return { header, rows: body };
}
