import type { Area } from "@plan-outcomes/server/contract";

/** A council with its children's services localities and the Local Alliance Group areas within them. */
export function councilLocalAreas(areas: readonly Area[], councilCode: string) {
  const council = areas.find((area) => area.code === councilCode);
  const localities = areas.filter((area) => area.type === "locality" && area.parentCode === councilCode);
  const localityCodes = new Set(localities.map((area) => area.code));
  const lagAreas = areas.filter((area) => area.type === "lag_area" && localityCodes.has(area.parentCode ?? ""));
  return { council, localities, lagAreas };
}
