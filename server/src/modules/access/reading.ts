import type { Principal } from "./principal.ts";

/**
 * Which provisional (not yet published) figures a caller may read: none for the public and
 * viewers, their own localities' for a locality lead, all for analysts and administrators.
 */
export type ProvisionalScope = "all" | readonly number[];

export function provisionalScopeOf(principal: Principal | null): ProvisionalScope {
  if (!principal) return [];
  if (principal.role === "analyst" || principal.role === "administrator") return "all";
  if (principal.role === "locality_lead") return principal.areaIds;
  return [];
}

/** A locality lead edits only the areas they answer for (and the LAG areas within them); analysts and administrators any. */
export function mayEditArea(principal: Principal, area: { id: number; parentId: number | null }): boolean {
  if (principal.role === "analyst" || principal.role === "administrator") return true;
  if (principal.role !== "locality_lead") return false;
  return principal.areaIds.includes(area.id) || (area.parentId !== null && principal.areaIds.includes(area.parentId));
}
