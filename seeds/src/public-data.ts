import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import {
  type Executor,
  type FileImportResult,
  importFileWithSavedMappings,
  type LoadOutcome,
  loadObservations,
} from "@plan-outcomes/db";
import { parse } from "csv-parse/sync";
import { type AreaDefinition, coreAreas, localAuthorityAliases } from "./catalogue/areas.ts";
import { eesFiles, laitMeasures } from "./catalogue/indicators.ts";

export const LICENCE = "Open Government Licence v3.0";

/** Every English LA in DfE's geography lookup, including historic ones, as area definitions. */
export function readLocalAuthorityLookup(dataDir: string): AreaDefinition[] {
  const path = join(dataDir, "geo_hierarchy_la_region_lookup_england.csv");
  if (!existsSync(path)) return [];
  const known = new Set(coreAreas.flatMap((area) => [area.code, area.dfeCode ?? ""]));
  const records = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const years = (record: Record<string, string>) => Number(record.first_available_year_included);
  return records
    .filter((record) => !known.has(record.new_la_code ?? "") && !known.has(record.old_la_code ?? ""))
    .map((record) => {
      // A reorganised or recoded LA appears once per code; consecutive rows of one name date each other.
      const sameName = records.filter((other) => other.la_name === record.la_name).sort((a, b) => years(a) - years(b));
      const next = sameName[sameName.indexOf(record) + 1];
      const hasPrevious = sameName.indexOf(record) > 0;
      const dfeCode = /^\d+$/.test(record.old_la_code ?? "") ? record.old_la_code : undefined;
      return {
        code: record.new_la_code || `LA-${record.old_la_code}`,
        type: "local_authority" as const,
        name: record.la_name as string,
        ...(record.new_la_code ? { onsCode: record.new_la_code } : {}),
        aliases: localAuthorityAliases[record.new_la_code ?? ""] ?? [],
        ...(dfeCode ? { dfeCode } : {}),
        ...(hasPrevious ? { validFrom: `${years(record)}-04-01` } : {}),
        ...(next ? { validTo: `${years(next)}-03-31` } : {}),
        parent: record.region_code as string,
      };
    });
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

async function publishFile(
  tx: Executor,
  path: string,
  sourceCode: string,
  result: FileImportResult,
): Promise<LoadOutcome> {
  const fileName = basename(path);
  return loadObservations(
    tx,
    {
      datasetCode: `public-${fileName.replace(/\.csv$/, "")}`,
      datasetTitle: fileName,
      sourceCode,
      fileName,
      fileSha256: sha256(path),
      rowCount: result.rowCount,
      licence: LICENCE,
      note: "Loaded by the seed from the public data folder.",
      createdBy: "seed",
    },
    result.observations,
  );
}

export interface PublicFileLoad {
  file: string;
  outcome: LoadOutcome;
  importWarnings: FileImportResult["warnings"];
}

/** The public files the catalogue maps, loaded through the same path as an analyst's upload. */
const PUBLIC_FILES: { file: string; sourceCode: string }[] = [
  ...laitMeasures.map(({ file }) => ({ file, sourceCode: "dfe-lait" })),
  ...eesFiles.map(({ file }) => ({ file, sourceCode: file.includes("children_in_need") ? "dfe-cin" : "dfe-cla" })),
];

export async function loadPublicFiles(tx: Executor, dataDir: string): Promise<PublicFileLoad[]> {
  const loads: PublicFileLoad[] = [];
  for (const { file, sourceCode } of PUBLIC_FILES) {
    const path = join(dataDir, file);
    if (!existsSync(path)) continue;
    const { result } = await importFileWithSavedMappings(tx, path, file);
    loads.push({ file, outcome: await publishFile(tx, path, sourceCode, result), importWarnings: result.warnings });
  }
  return loads;
}
