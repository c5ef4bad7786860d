import type { Area } from "@plan-outcomes/server/contract";
import { councilLocalAreas } from "../../../lib/council-areas.ts";
import { formatAreaLabel } from "../../../lib/format.ts";

export interface ProfileAreaChoiceGroup {
  label: string;
  options: { code: string; label: string }[];
}

/** The areas with a profile: the council, its localities and its Local Alliance Group areas. */
export function toProfileAreaChoices(areas: readonly Area[], councilCode: string): ProfileAreaChoiceGroup[] {
  const { council, localities, lagAreas } = councilLocalAreas(areas, councilCode);
  const toOption = (area: Area) => ({ code: area.code, label: formatAreaLabel(area) });
  return [
    { label: "Council", options: council ? [toOption(council)] : [] },
    { label: "Localities", options: localities.map(toOption) },
    { label: "Local Alliance Group areas", options: lagAreas.map(toOption) },
  ].filter((group) => group.options.length > 0);
}
