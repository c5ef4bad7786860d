import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  currentReferenceVersion,
  type Executor,
  type LocalityRow,
  publishReference,
  type ReferenceKind,
  type ReferenceRows,
  readReferenceFile,
  referenceCsv,
} from "@plan-outcomes/db";
import { coreAreas } from "./catalogue/areas.ts";
import { familyHubSites, illustrativeLsoaLookup } from "./catalogue/reference.ts";
import type { DorsetLsoa } from "./small-areas.ts";

interface SeedFile<K extends ReferenceKind> {
  kind: K;
  fileName: string;
  rows: ReferenceRows[K][];
  note: string;
  isIllustrative: boolean;
}

/**
 * The first version of each kind of reference data, written as the file an analyst would load and
 * loaded through the same checks. A kind that already has a version is left alone: after the seed,
 * reference data is the analysts'.
 */
export async function seedReferenceVersions(tx: Executor, lsoas: DorsetLsoa[]): Promise<string[]> {
  const localities: LocalityRow[] = coreAreas
    .filter((area) => area.type === "locality" || area.type === "lag_area")
    .map((area) => ({
      code: area.code,
      type: area.type as LocalityRow["type"],
      name: area.name,
      parentCode: area.parent ?? "",
      validFrom: area.validFrom ?? null,
      validTo: area.validTo ?? null,
      note: area.note ?? "",
    }));
  const files: SeedFile<ReferenceKind>[] = [
    {
      kind: "localities",
      fileName: "localities.csv",
      rows: localities,
      note: "Dorset's children's services localities (since 1 September 2020) and LAG areas, from the Plan's documents.",
      isIllustrative: false,
    },
    {
      kind: "family_hubs",
      fileName: "family-hubs.csv",
      rows: familyHubSites,
      note: "Sites named in the Plan's documents; the 2024 annual report counts 6 sites and 23 outreach points, so this list is incomplete.",
      isIllustrative: false,
    },
    {
      kind: "lookup",
      fileName: "illustrative-lsoa-lookup.csv",
      rows: illustrativeLsoaLookup(lsoas),
      note: "Illustrative: LSOAs placed by their 2011 district's name, West Dorset MSOAs 009 and 010 standing in for Dorchester. Replace with the real lookup.",
      isIllustrative: true,
    },
  ];
  const loaded: string[] = [];
  const folder = mkdtempSync(join(tmpdir(), "plan-outcomes-reference-"));
  try {
    for (const file of files) {
      if (file.rows.length === 0 || (await currentReferenceVersion(tx, file.kind))) continue;
      const content = Buffer.from(referenceCsv(file.kind, file.rows));
      const path = join(folder, file.fileName);
      writeFileSync(path, content);
      const parsed = await readReferenceFile(tx, file.kind, path);
      await publishReference(tx, parsed, {
        fileName: file.fileName,
        content,
        note: file.note,
        createdBy: "Plan Outcomes seed",
        createdByUserId: null,
        isIllustrative: file.isIllustrative,
      });
      loaded.push(`${file.kind}: ${file.rows.length} rows`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return loaded;
}
