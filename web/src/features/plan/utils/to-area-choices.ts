import type { Area } from "@plan-outcomes/server/contract";
import { councilLocalAreas } from "../../../lib/council-areas.ts";
import { formatAreaLabel } from "../../../lib/format.ts";

export interface AreaChoiceGroup {
  label: string;
  options: { code: string; label: string }[];
}

/** The areas a Plan summary can be shown for: the council, then its localities and Local Alliance Group areas. */
export function toAreaChoices(areas: readonly Area[], councilCode: string): AreaChoiceGroup[] {
  const { council, localities, lagAreas } = councilLocalAreas(areas, councilCode);
  const toOption = (area: Area) => ({ code: area.code, label: formatAreaLabel(area) });
  return [
    { label: "Council", options: council ? [toOption(council)] : [] },
    { label: "Localities", options: localities.map(toOption) },
    { label: "Local Alliance Group areas", options: lagAreas.map(toOption) },
  ].filter((group) => group.options.length > 0);
}
