import type { Headline, ObservationStatus, PriorityDetail } from "@plan-outcomes/server/contract";
import type { CsvCell } from "../../../lib/csv.ts";
import {
  formatChange,
  formatCompactValue,
  formatObservedValue,
  formatStatus,
  formatVerdict,
} from "../../../lib/format.ts";
import { type HeadlineView, toHeadlineView } from "./to-headline-view.ts";

export interface PriorityRow {
  view: HeadlineView;
  isHeadline: boolean;
  /** Unit words said once beside the title ("per 100 pupils"), so the cells can be bare numbers. */
  unitNote: string;
  valueText: string;
  changeText: string;
  /** Comparator cells in the order of the table's columns, "No data" where missing. */
  comparatorTexts: string[];
}

/** Percentages and pounds carry their symbol in every cell; other units are said once per row. */
function unitNoteOf(unit: string): string {
  // Two, not one, so the unit words come out plural ("exclusions").
  const compact = formatCompactValue(2, unit, 0);
  const full = formatObservedValue(2, "value", unit, 0);
  return compact === full ? "" : full.slice(compact.length).trim();
}

function compactValue(
  value: number | null,
  status: ObservationStatus | null,
  { unit, decimalPlaces }: Headline["indicator"],
): string {
  // A symbol is said in words in the table: "c: Suppressed", never a bare letter.
  if (value === null && status !== null) return formatStatus(status) ?? "No data";
  return formatObservedValue(value, status, unit, decimalPlaces, { compact: true });
}

/** "Statistical neighbours (median of 9)" heads its column as "Statistical neighbours (median)". */
function columnName(areaName: string): string {
  return areaName.replace(/\(median of \d+\)/, "(median)");
}

/** The priority table's rows and comparator columns, worked out once for the screen and the CSV alike. */
export function toPriorityRows(detail: PriorityDetail): { comparatorNames: string[]; rows: PriorityRow[] } {
  const withComparators = detail.headlines.map((headline) => {
    const comparators = [...headline.comparators];
    if (headline.neighbours) {
      comparators.push({
        areaCode: "neighbours",
        areaName: `Statistical neighbours (median of ${headline.neighbours.count})`,
        value: headline.neighbours.median,
        status: headline.neighbours.median === null ? "x" : "value",
      });
    }
    return { headline, comparators };
  });
  const comparatorNames = [
    ...new Set(withComparators.flatMap(({ comparators }) => comparators.map((c) => columnName(c.areaName)))),
  ];
  const rows = withComparators.map(({ headline, comparators }) => {
    const { indicator, latest } = headline;
    const byName = new Map(comparators.map((comparator) => [columnName(comparator.areaName), comparator]));
    const view = toHeadlineView(headline, detail.area.name);
    return {
      view,
      isHeadline: indicator.priorities.some(
        (link) => link.plan === detail.plan.code && link.code === detail.priority.code && link.isHeadline,
      ),
      unitNote: unitNoteOf(indicator.unit),
      valueText: latest ? compactValue(latest.value, latest.status, indicator) : "No data",
      changeText:
        view.change && headline.change !== null
          ? formatChange(headline.change, unitNoteOf(indicator.unit) ? "" : indicator.unit, indicator.decimalPlaces)
          : "–",
      comparatorTexts: comparatorNames.map((name) => {
        const comparator = byName.get(name);
        return comparator ? compactValue(comparator.value, comparator.status, indicator) : "No data";
      }),
    };
  });
  return { comparatorNames, rows };
}

/** Exactly the table on screen, as CSV cells. */
export function toPriorityCsv(detail: PriorityDetail): { header: string[]; rows: CsvCell[][] } {
  const { comparatorNames, rows } = toPriorityRows(detail);
  return {
    header: [
      "Indicator",
      "Unit",
      "Headline",
      "Period",
      detail.area.name,
      "Change",
      ...comparatorNames,
      "Rank among English councils (not a statistical test)",
      "Compared with England",
      "Target",
      "Target status",
    ],
    rows: rows.map(({ view, isHeadline, unitNote, valueText, changeText, comparatorTexts }) => [
      view.title,
      unitNote,
      isHeadline ? "Yes" : "No",
      view.latest?.periodLabel ?? "",
      valueText,
      changeText,
      ...comparatorTexts,
      view.rankText ?? "",
      view.latest ? formatVerdict(view.comparison.verdict, view.comparison.benchmarkName) : "",
      view.target ? `${view.target.valueText} by ${view.target.periodLabel}` : "",
      view.target?.statusText ?? "",
    ]),
  };
}
