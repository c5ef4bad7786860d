import type { Area } from "@plan-outcomes/server/contract";
import { formatAreaLabel } from "../../../lib/format.ts";

export interface AreaChoiceGroup {
  label: string;
  options: { code: string; label: string }[];
}

/** The areas a Plan summary can be shown for: the council, then its localities and Local Alliance Group areas. */
export function toAreaChoices(areas: readonly Area[], councilCode: string): AreaChoiceGroup[] {
  const council = areas.find((area) => area.code === councilCode);
  const localities = areas.filter((area) => area.type === "locality" && area.parentCode === councilCode);
  const localityCodes = new Set(localities.map((area) => area.code));
  const lagAreas = areas.filter((area) => area.type === "lag_area" && localityCodes.has(area.parentCode ?? ""));
  const toOption = (area: Area) => ({ code: area.code, label: formatAreaLabel(area) });
  return [
    { label: "Council", options: council ? [toOption(council)] : [] },
    { label: "Localities", options: localities.map(toOption) },
    { label: "Local Alliance Group areas", options: lagAreas.map(toOption) },
  ].filter((group) => group.options.length > 0);
}
