import type { Area } from "@plan-outcomes/server/contract";
import { formatDate, formatList } from "../../../lib/format.ts";

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Areas of the same kind and parent that ended the day before this one began, or began the day after it ended. */
function neighboursInTime(area: Area, areas: readonly Area[]) {
  const sameKind = areas.filter(
    (other) => other.code !== area.code && other.type === area.type && other.parentCode === area.parentCode,
  );
  return {
    before: area.validFrom
      ? sameKind.filter((other) => other.validTo && addDays(other.validTo, 1) === area.validFrom)
      : [],
    after: area.validTo
      ? sameKind.filter((other) => other.validFrom && addDays(area.validTo as string, 1) === other.validFrom)
      : [],
  };
}

/**
 * Why an area's series starts late or stops early, so nobody reads a boundary change as a change in
 * the figures (the Chesil LAG to 3 October 2023; the Weymouth and Portland LAGs from 4 October 2023).
 * Null for an area with an unbroken series.
 */
export function toValidityNote(area: Area, areas: readonly Area[]): string | null {
  // Councils were reorganised by merging and splitting (Dorset County, Bournemouth, Poole): succession by date alone would mislead.
  if (area.type !== "locality" && area.type !== "lag_area") return null;
  const { before, after } = neighboursInTime(area, areas);
  const names = (list: Area[]) => formatList(list.map((other) => `the ${other.name}`));
  if (area.validTo) {
    const followedBy =
      after.length > 0
        ? ` From ${formatDate(addDays(area.validTo, 1))} its place was taken by ${names(after)}, each with its own profile.`
        : "";
    return `The ${area.name} existed only until ${formatDate(area.validTo)}: its figures stop there.${followedBy} Their figures are never joined to this one's.`;
  }
  if (area.validFrom && before.length > 0) {
    return `The ${area.name} began on ${formatDate(area.validFrom)}: its figures start then. Before that its area was part of ${names(before)}, whose figures are on its own profile and never joined to these.`;
  }
  return null;
}
