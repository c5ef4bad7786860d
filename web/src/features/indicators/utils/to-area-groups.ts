import type { Area } from "@plan-outcomes/server/contract";
import { councilLocalAreas } from "../../../lib/council-areas.ts";
import { formatAreaLabel } from "../../../lib/format.ts";

export interface AreaGroup {
  legend: string;
  areas: { code: string; label: string }[];
}

/**
 * Areas to compare on an indicator page, grouped around the council: the council, its localities and
 * LAG areas, its region and England, then the region's other councils (predecessors included, with dates).
 */
export function toAreaGroups(areas: readonly Area[], councilCode: string): AreaGroup[] {
  const { council, localities, lagAreas } = councilLocalAreas(areas, councilCode);
  const regionCode = council?.parentCode ?? null;
  const toOption = (area: Area) => ({ code: area.code, label: formatAreaLabel(area) });
  const byName = (a: Area, b: Area) =>
    a.name.localeCompare(b.name) || (a.validFrom ?? "").localeCompare(b.validFrom ?? "");

  const benchmarks = areas.filter((area) => area.type === "country" || area.code === regionCode);
  const councils = areas
    .filter((area) => area.type === "local_authority" && area.parentCode === regionCode && area.code !== councilCode)
    .sort(byName);

  // Groups run from local to national: the order of the checkboxes is the order of the lines and rows.
  return [
    { legend: "Council", areas: council ? [toOption(council)] : [] },
    { legend: "Localities", areas: localities.map(toOption) },
    { legend: "Local Alliance Group areas", areas: lagAreas.map(toOption) },
    { legend: "Region and England", areas: benchmarks.sort((a, b) => b.type.localeCompare(a.type)).map(toOption) },
    { legend: "Other councils in the region", areas: councils.map(toOption) },
  ].filter((group) => group.areas.length > 0);
}
