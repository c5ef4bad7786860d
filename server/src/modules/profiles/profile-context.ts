import { currentReferenceVersion, type Database } from "@plan-outcomes/db";
import type { Area, ProfileDeprivation, ProfileFamilyHubs } from "../../contract/index.ts";
import { selectFamilyHubs, selectLookupAverages } from "../reference-data/reference-data.queries.ts";

/** The small-area figure a locality's deprivation is built from. */
export const DEPRIVATION_INDICATOR = "imd-2019-rank";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A locality's Family Hubs, or a LAG area's: those recorded in the LAG area, those of its locality
 * with no LAG area recorded, and county-wide services, each said as such.
 */
export async function familyHubsFor(
  db: Database,
  area: Area,
  byCode: Map<string, Area>,
): Promise<ProfileFamilyHubs | null> {
  const locality =
    area.type === "locality" ? area : area.type === "lag_area" ? byCode.get(area.parentCode ?? "") : undefined;
  if (!locality) return null;
  const version = await currentReferenceVersion(db, "family_hubs");
  const rows = version ? await selectFamilyHubs(db, version.id, locality.code) : [];
  const asOf = today();
  const hubs = rows
    .map((row) => ({
      code: row.code,
      name: row.name,
      kind: row.kind,
      lagCode: row.lagCode,
      lagName: row.lagName,
      openedOn: row.openedOn,
      closedOn: row.closedOn,
      address: row.address,
      note: row.note,
      isOpen: (row.openedOn === null || row.openedOn <= asOf) && (row.closedOn === null || row.closedOn >= asOf),
      scope:
        row.localityCode === null
          ? ("county" as const)
          : area.type === "lag_area" && row.lagCode !== area.code
            ? ("locality" as const)
            : ("area" as const),
    }))
    // A LAG area's profile leaves out hubs recorded in its locality's other LAG areas.
    .filter((hub) => !(area.type === "lag_area" && hub.lagCode !== null && hub.lagCode !== area.code));
  return {
    locality: { code: locality.code, name: locality.name },
    asOf,
    list: version ? { version: version.version, note: version.note, createdAt: version.createdAt.toISOString() } : null,
    hubs,
  };
}

/** Deprivation of the area and its siblings, from the current lookup; null where there are no siblings. */
export async function deprivationOf(
  db: Database,
  siblingCodes: string[],
  names: Map<string, string>,
): Promise<ProfileDeprivation | null> {
  if (siblingCodes.length === 0) return null;
  const lookup = await currentReferenceVersion(db, "lookup");
  const averages = lookup ? await selectLookupAverages(db, lookup.id, siblingCodes, DEPRIVATION_INDICATOR) : [];
  const byCode = new Map(averages.map((average) => [average.areaCode, average]));
  return {
    indicatorCode: DEPRIVATION_INDICATOR,
    label: "Average IMD 2019 rank of its LSOAs",
    description:
      "The Index of Multiple Deprivation 2019 rank of each LSOA the locality lookup places in the area (1 = most deprived of England's 32,844), averaged, weighted by population where the lookup gives it. A lower average means a more deprived area.",
    isIllustrative: lookup?.isIllustrative ?? true,
    lookup: lookup ? { version: lookup.version, note: lookup.note } : null,
    areas: siblingCodes.map((code) => {
      const average = byCode.get(code);
      return {
        areaCode: code,
        areaName: names.get(code) ?? code,
        value: average?.value ?? null,
        memberCount: average?.memberCount ?? 0,
        withFigure: average?.withFigure ?? 0,
        weighted: average?.weighted ?? false,
      };
    }),
  };
}
