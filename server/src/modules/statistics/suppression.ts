/**
 * Small-number suppression for figures the project derives below council level (DOMAIN.md §6):
 * a count from 1 to the indicator's threshold is hidden with any rate built on it, and where a
 * group of sibling areas would then have exactly one hidden cell (which its total would reveal),
 * the next-smallest cell is hidden too.
 */

export interface SuppressionCell<Id> {
  id: Id;
  /** Cells that add up to one total: the same indicator, period and breakdown under one parent. */
  group: string;
  /** The count the figure rests on (its numerator, or the value of a count). */
  count: number | null;
  /** Already hidden at source ("c"). */
  isSuppressed: boolean;
}

export type SuppressionReason = "small_count" | "secondary";

export function suppressCells<Id>(
  cells: readonly SuppressionCell<Id>[],
  threshold: number,
): Map<Id, SuppressionReason> {
  const hidden = new Map<Id, SuppressionReason>();
  for (const cell of cells) {
    if (cell.count !== null && cell.count >= 1 && cell.count <= threshold) hidden.set(cell.id, "small_count");
  }
  const groups = new Map<string, SuppressionCell<Id>[]>();
  for (const cell of cells) groups.set(cell.group, [...(groups.get(cell.group) ?? []), cell]);
  for (const members of groups.values()) {
    const hiddenCount = members.filter((cell) => cell.isSuppressed || hidden.has(cell.id)).length;
    if (hiddenCount !== 1) continue;
    const nextSmallest = members
      .filter((cell) => !cell.isSuppressed && !hidden.has(cell.id) && cell.count !== null)
      .sort((a, b) => (a.count ?? 0) - (b.count ?? 0))[0];
    if (nextSmallest) hidden.set(nextSmallest.id, "secondary");
  }
  return hidden;
}

export function describeSuppression(reason: SuppressionReason, threshold: number): string {
  return reason === "small_count"
    ? `Suppressed: fewer than ${threshold + 1}, so the children counted cannot be identified.`
    : "Suppressed so that a smaller hidden figure cannot be worked out from the total.";
}
