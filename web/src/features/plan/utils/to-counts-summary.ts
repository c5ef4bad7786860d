import type { PrioritySummary } from "@plan-outcomes/server/contract";

type Counts = PrioritySummary["counts"];

/**
 * One line from a priority's counts, in the order a Board member reads them:
 * "1 better than England, 2 not compared". Zero counts are left out.
 */
export function toCountsSummary(counts: Counts, benchmarkName = "England"): string {
  const parts: [number, string][] = [
    [counts.better, `better than ${benchmarkName}`],
    [counts.similar, `similar to ${benchmarkName}`],
    [counts.worse, `worse than ${benchmarkName}`],
    [counts.different, `higher or lower than ${benchmarkName} (neither is better)`],
    [counts.notCompared, "not compared"],
    [counts.noData, "with no data"],
  ];
  const text = parts
    .filter(([count]) => count > 0)
    .map(([count, words]) => `${count} ${words}`)
    .join(", ");
  return text || "No headline indicators yet";
}
