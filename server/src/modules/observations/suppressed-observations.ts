import type { Database } from "@plan-outcomes/db";
import { describeSuppression, suppressCells } from "../statistics/index.ts";
import { type ObservationRow, selectChildAreaIds, selectCurrentObservations } from "./observations.queries.ts";

/** Figures the project derives itself, below the council: the ones its small-number rule protects. */
const DERIVED_AREA_TYPES = ["locality", "lag_area"] as const;
const isDerived = (row: ObservationRow) => (DERIVED_AREA_TYPES as readonly string[]).includes(row.areaType);

interface SuppressionRule {
  id: number;
  suppressBelow: number | null;
  valueType: string;
}

/** The count a figure rests on: its numerator, or the value itself for a count. */
function countOf(row: ObservationRow, indicator: SuppressionRule): number | null {
  if (row.numerator !== null) return row.numerator;
  return indicator.valueType === "count" ? row.value : null;
}

/**
 * Current figures as every reader and every download must see them: small counts in locality and
 * LAG figures (and any rate built on them) hidden, with the next-smallest sibling where a total
 * would reveal a hidden one. Siblings not asked for are read too, so hiding one area's figure does
 * not depend on which other areas the caller happened to ask about.
 */
export async function selectPublishableObservations(
  db: Database,
  filter: Parameters<typeof selectCurrentObservations>[1],
  indicators: readonly SuppressionRule[],
): Promise<ObservationRow[]> {
  const rows = await selectCurrentObservations(db, filter);
  const rules = indicators.filter((indicator) => indicator.suppressBelow !== null);
  const ruled = rows.filter((row) => isDerived(row) && rules.some((rule) => rule.id === row.indicatorId));
  if (ruled.length === 0) return rows;

  const parentIds = [...new Set(ruled.flatMap((row) => (row.areaParentId === null ? [] : [row.areaParentId])))];
  const siblingIds = (await selectChildAreaIds(db, parentIds, [...DERIVED_AREA_TYPES])).filter(
    (id) => !filter.areaIds.includes(id),
  );
  const siblings =
    siblingIds.length === 0
      ? []
      : await selectCurrentObservations(db, {
          ...filter,
          indicatorIds: rules.map((rule) => rule.id),
          areaIds: siblingIds,
        });

  const notes = new Map<ObservationRow, string>();
  for (const rule of rules) {
    const threshold = rule.suppressBelow ?? 0;
    const cells = [...rows, ...siblings]
      .filter((row) => row.indicatorId === rule.id && isDerived(row))
      .map((row) => ({
        id: row,
        group: `${row.period.id}|${row.areaParentId}|${row.areaType}`,
        count: countOf(row, rule),
        isSuppressed: row.status === "c",
      }));
    for (const [row, reason] of suppressCells(cells, threshold)) notes.set(row, describeSuppression(reason, threshold));
  }
  return rows.map((row) => {
    const note = notes.get(row);
    return note === undefined
      ? row
      : { ...row, status: "c", value: null, numerator: null, denominator: null, lowerCi: null, upperCi: null, note };
  });
}
