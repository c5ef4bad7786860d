import type { FamilyHubRow, LookupRow } from "@plan-outcomes/db";
import type { DorsetLsoa } from "../small-areas.ts";

/**
 * Family Hub sites named in the Plan's documents (DOMAIN.md section 3). No complete official list is
 * public: the 2024 annual report counts 6 dedicated sites and 23 outreach points, so analysts load
 * the full list here. Where a document gives only a month, the first of the month is used and said.
 */
export const familyHubSites: FamilyHubRow[] = [
  site(
    "FH-FERNDOWN",
    "Ferndown Family Hub (Trickett's Cross)",
    "DOR-LOC-EAST-DORSET",
    "2023-01-01",
    "Opened January 2023.",
  ),
  site("FH-WIMBORNE", "Wimborne Family Hub (Leigh Park)", "DOR-LOC-EAST-DORSET", "2023-02-01", "Opened February 2023."),
  site(
    "FH-STURMINSTER-NEWTON",
    "Vale Family Hub, Sturminster Newton",
    "DOR-LOC-NORTH-DORSET",
    null,
    "Open by March 2025.",
  ),
  site(
    "FH-SWANAGE",
    "Swanage Focus Centre Family Hub",
    "DOR-LOC-PURBECK",
    null,
    "Opening date not given in the documents.",
  ),
  site(
    "FH-BUCKLAND-NEWTON",
    "Buckland Newton rural Family Hub",
    "DOR-LOC-WEST-DORSET",
    "2024-04-01",
    "Rural hub opened April 2024; its locality is assumed from the village and should be confirmed.",
  ),
  {
    code: "FH-ONLINE",
    name: "Family Hub Online",
    kind: "online",
    localityCode: null,
    lagCode: null,
    openedOn: null,
    closedOn: null,
    address: "",
    note: "County-wide online service.",
  },
];

function site(code: string, name: string, localityCode: string, openedOn: string | null, note: string): FamilyHubRow {
  return { code, name, kind: "site", localityCode, lagCode: null, openedOn, closedOn: null, address: "", note };
}

/** The 2011 districts whose LSOA names place them, for the illustrative lookup. */
const DISTRICT_LOCALITY: Record<string, string> = {
  "Weymouth and Portland": "CHESIL",
  Purbeck: "PURBECK",
  "North Dorset": "NORTH-DORSET",
  "East Dorset": "EAST-DORSET",
  "West Dorset": "WEST-DORSET",
};

/** West Dorset MSOAs given to Dorchester in the illustration: a stand-in, not Dorchester's real boundary. */
const ILLUSTRATIVE_DORCHESTER_MSOAS = new Set(["009", "010"]);

/**
 * An illustrative LSOA → locality lookup: which LSOAs form each locality is not published, so this
 * places each by its 2011 district's name. Badged illustrative wherever it is used, until an analyst
 * loads the real lookup. LAG areas that cover their whole locality get the same LSOAs; the Weymouth
 * and Portland LAG areas get none (their split of Chesil is not known).
 */
export function illustrativeLsoaLookup(lsoas: DorsetLsoa[]): LookupRow[] {
  const rows: LookupRow[] = [];
  for (const lsoa of lsoas) {
    const match = /^(.*) (\d{3})[A-Z]$/.exec(lsoa.name);
    const district = match?.[1] ?? "";
    let slug = DISTRICT_LOCALITY[district];
    if (!slug) continue;
    if (slug === "WEST-DORSET" && ILLUSTRATIVE_DORCHESTER_MSOAS.has(match?.[2] ?? "")) slug = "DORCHESTER";
    const row = { memberCode: lsoa.code, validFrom: null, validTo: null, population: null };
    rows.push({ ...row, areaCode: `DOR-LOC-${slug}` });
    rows.push(
      slug === "CHESIL"
        ? { ...row, areaCode: "DOR-LAG-CHESIL", validTo: "2023-10-03" }
        : { ...row, areaCode: `DOR-LAG-${slug}` },
    );
  }
  return rows;
}
