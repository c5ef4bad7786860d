import { isSmallCount } from "@plan-outcomes/db";

/**
 * Small-number suppression for figures the project derives below council level (DOMAIN.md §6):
 * a count from 1 to the indicator's threshold is hidden with any rate built on it. A cell adds up
 * with others to a total in more than one way (sibling areas to their parent's figure; the
 * categories of a breakdown, such as boys and girls, to the area's headline figure), and wherever
 * such a set would then have exactly one hidden cell, which its total would reveal by subtraction,
 * the next-smallest cell of the set is hidden too, until no set has exactly one.
 */

/** One set of cells that add up to a known total. */
export interface SuppressionGroup {
  key: string;
  /** What the cells of the set are: sibling areas, or the categories of one breakdown of one area. */
  across: "areas" | "categories";
  /**
   * The cell is the set's total rather than one of its parts (an area's headline figure among its
   * categories): hidden, it counts as the set's one hidden cell, but it is never hidden to protect
   * a part, because the headline is published on its own and hiding a second part protects as well.
   */
  isTotal?: boolean;
}

export interface SuppressionCell<Id> {
  id: Id;
  /** Every set the cell adds up in: each the same indicator and period. */
  groups: readonly SuppressionGroup[];
  /** The count the figure rests on (its numerator, or the value of a count). */
  count: number | null;
  /** Already hidden at source ("c"). */
  isSuppressed: boolean;
}

export type SuppressionReason = "small_count" | "secondary" | "secondary_category";

export function suppressCells<Id>(
  cells: readonly SuppressionCell<Id>[],
  threshold: number,
): Map<Id, SuppressionReason> {
  const hidden = new Map<Id, SuppressionReason>();
  for (const cell of cells) {
    if (isSmallCount(cell.count, threshold)) hidden.set(cell.id, "small_count");
  }
  const groups = new Map<string, { across: SuppressionGroup["across"]; members: [SuppressionCell<Id>, boolean][] }>();
  for (const cell of cells) {
    for (const group of cell.groups) {
      const entry = groups.get(group.key) ?? { across: group.across, members: [] };
      entry.members.push([cell, group.isTotal === true]);
      groups.set(group.key, entry);
    }
  }
  const isHidden = (cell: SuppressionCell<Id>) => cell.isSuppressed || hidden.has(cell.id);
  // Hiding a cell to protect one set can leave another set with exactly one hidden: repeat until none has.
  for (let changed = true; changed; ) {
    changed = false;
    for (const { across, members } of groups.values()) {
      if (members.filter(([cell]) => isHidden(cell)).length !== 1) continue;
      const nextSmallest = members
        .filter(([cell, isTotal]) => !isTotal && !isHidden(cell) && cell.count !== null)
        .map(([cell]) => cell)
        .sort((a, b) => (a.count ?? 0) - (b.count ?? 0))[0];
      if (!nextSmallest) continue;
      hidden.set(nextSmallest.id, across === "areas" ? "secondary" : "secondary_category");
      changed = true;
    }
  }
  return hidden;
}

export function describeSuppression(reason: SuppressionReason, threshold: number): string {
  switch (reason) {
    case "small_count":
      return `Suppressed: fewer than ${threshold + 1}, so the children counted cannot be identified.`;
    case "secondary":
      return "Suppressed so that a smaller hidden figure cannot be worked out from the total.";
    case "secondary_category":
      return "Suppressed so that a hidden figure cannot be worked out from the area's total and its other categories in this breakdown.";
  }
}
