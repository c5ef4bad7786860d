import { countBehind, type Database, DERIVED_AREA_TYPES } from "@plan-outcomes/db";
import { describeSuppression, type SuppressionGroup, suppressCells } from "../statistics/index.ts";
import {
  type ObservationRow,
  selectBreakdownsAddingUpWith,
  selectChildAreaIds,
  selectCurrentObservations,
} from "./observations.queries.ts";

const isDerived = (row: ObservationRow) => (DERIVED_AREA_TYPES as readonly string[]).includes(row.areaType);

interface SuppressionRule {
  id: number;
  suppressBelow: number | null;
  valueType: string;
}

const keyOf = (row: ObservationRow) => `${row.indicatorId}|${row.areaId}|${row.period.id}|${row.breakdownId}`;

/**
 * The sets a figure adds up in: its sibling areas (same breakdown, same parent) and, within its
 * area, the other categories of its breakdown's dimension with the area's headline figure as their total.
 */
function groupsOf(row: ObservationRow, dimensionOf: Map<number, string>, dimensions: string[]): SuppressionGroup[] {
  const figure = `${row.indicatorId}|${row.period.id}`;
  const siblings: SuppressionGroup = {
    key: `areas|${figure}|${row.breakdownId}|${row.areaParentId}|${row.areaType}`,
    across: "areas",
  };
  const dimension = dimensionOf.get(row.breakdownId);
  const categoriesOf = (name: string) => `categories|${figure}|${row.areaId}|${name}`;
  if (dimension === undefined) return [siblings];
  if (dimension !== "total") return [siblings, { key: categoriesOf(dimension), across: "categories" }];
  return [
    siblings,
    ...dimensions.map((name): SuppressionGroup => ({ key: categoriesOf(name), across: "categories", isTotal: true })),
  ];
}

/**
 * Current figures as every reader and every download must see them: small counts in locality and
 * LAG figures (and any rate built on them) hidden, with the next-smallest sibling area where a total
 * would reveal a hidden one, and the next-smallest category of a breakdown (girls beside boys) where
 * the area's total would. Figures not asked for (other areas, other categories) are read too, so
 * hiding one figure does not depend on which others the caller happened to ask about.
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
  const areaIds = new Set([
    ...ruled.map((row) => row.areaId),
    ...(await selectChildAreaIds(db, parentIds, [...DERIVED_AREA_TYPES])),
  ]);
  const asked = typeof filter.breakdownId === "number" ? [filter.breakdownId] : [...filter.breakdownId];
  const related = await selectBreakdownsAddingUpWith(db, asked);
  const dimensionOf = new Map(related.map((breakdown) => [breakdown.id, breakdown.dimension]));
  const dimensions = [...new Set(related.map((breakdown) => breakdown.dimension))].filter((name) => name !== "total");
  // Categories are read only when a category was asked for: a headline figure is never hidden to protect one.
  const breakdownIds = asked.some((id) => dimensionOf.get(id) !== "total") ? [...dimensionOf.keys()] : asked;
  const context = await selectCurrentObservations(db, {
    ...filter,
    indicatorIds: rules.map((rule) => rule.id),
    areaIds: [...areaIds],
    breakdownId: breakdownIds,
  });

  const notes = new Map<string, string>();
  for (const rule of rules) {
    const threshold = rule.suppressBelow ?? 0;
    const cells = context
      .filter((row) => row.indicatorId === rule.id && isDerived(row))
      .map((row) => ({
        id: keyOf(row),
        groups: groupsOf(row, dimensionOf, dimensions),
        count: countBehind(row, rule.valueType),
        isSuppressed: row.status === "c",
      }));
    for (const [key, reason] of suppressCells(cells, threshold)) notes.set(key, describeSuppression(reason, threshold));
  }
  return rows.map((row) => {
    const note = notes.get(keyOf(row));
    return note === undefined
      ? row
      : { ...row, status: "c", value: null, numerator: null, denominator: null, lowerCi: null, upperCi: null, note };
  });
}
