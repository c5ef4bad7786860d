import type { Upload } from "@plan-outcomes/server/contract";

type UploadReport = Upload["report"];
type Change = NonNullable<UploadReport["preview"]>["changes"][number];

/** The key the server gives the problems it counted but did not list (a refused file lists its first 100). */
const NOT_LISTED = "not listed (over the first 100)";

export interface ProblemCount {
  kind: string;
  count: number;
}

export interface ProblemSummary {
  /** Every problem found, listed or not. */
  total: number;
  /** Problems found beyond those listed: "and N more". */
  notListed: number;
  /** Kinds of the listed problems, most frequent first, then those not listed. */
  byKind: ProblemCount[];
}

/** "not a number or a declared symbol" → "Not a number or a declared symbol". */
export function toSentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How many problems a refused file has, by kind, and how many the report could not list. */
export function toProblemSummary(report: Pick<UploadReport, "problems" | "problemCounts">): ProblemSummary {
  const counts = Object.entries(report.problemCounts).map(([kind, count]) => ({ kind, count }));
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  const listedKinds = counts
    .filter((entry) => entry.kind !== NOT_LISTED)
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  const unlisted = counts.find((entry) => entry.kind === NOT_LISTED);
  return {
    total: Math.max(total, report.problems.length),
    notListed: Math.max(total - report.problems.length, 0),
    byKind: [
      ...listedKinds.map((entry) => ({ kind: toSentenceCase(entry.kind), count: entry.count })),
      ...(unlisted
        ? [{ kind: "Not listed here (beyond the first 100): see the full report", count: unlisted.count }]
        : []),
    ],
  };
}

/** Warnings count the rows or figures they concern: their sum is what the analyst reviews. */
export function toWarningTotal(report: Pick<UploadReport, "warnings">): number {
  return report.warnings.reduce((sum, warning) => sum + warning.count, 0);
}

export interface ChangeGroup {
  indicatorCode: string;
  changes: (Change & { areaName: string | null; label: string; difference: number | null })[];
}

/**
 * Changed figures grouped by indicator (a chart compares like with like: one unit per indicator), each labelled
 * by area (its name when known) and period, with the difference when both values are numbers.
 */
export function groupChangesByIndicator(
  changes: readonly Change[],
  areaNames: ReadonlyMap<string, string> = new Map(),
): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const change of changes) {
    const group = groups.get(change.indicatorCode) ?? { indicatorCode: change.indicatorCode, changes: [] };
    const areaName = areaNames.get(change.areaCode) ?? null;
    group.changes.push({
      ...change,
      areaName,
      label: `${areaName ?? change.areaCode}, ${change.periodCode}`,
      difference: change.oldValue !== null && change.newValue !== null ? change.newValue - change.oldValue : null,
    });
    groups.set(change.indicatorCode, group);
  }
  return [...groups.values()];
}

/** Numbers as they come in a file (no unit known here): up to 4 decimal places, grouped thousands. */
const plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 });

/** A previewed value: the number, or "No value" where the figure is a symbol (suppressed, not available…). */
export function formatPreviewValue(value: number | null): string {
  return value === null ? "No value" : plain.format(value).replace("-", "\u2212");
}

/** A difference with its sign: "+1", "−0.5", "No change"; blank when either side has no value. */
export function formatDifference(difference: number | null): string {
  if (difference === null) return "";
  if (difference === 0) return "No change";
  return `${difference > 0 ? "+" : "\u2212"}${plain.format(Math.abs(difference))}`;
}

export const UPLOAD_STATUSES = {
  refused: { label: "Refused", tag: "tag--red" },
  ready: { label: "Ready to publish", tag: "tag--blue" },
  published: { label: "Published", tag: "tag--green" },
  discarded: { label: "Not published", tag: "tag--grey" },
} as const satisfies Record<Upload["status"], { label: string; tag: string }>;
