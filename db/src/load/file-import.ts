import type { Executor } from "../client.ts";
import { InputError } from "../domain/types.ts";
import { readCsvRecords } from "../importers/csv.ts";
import { type EesIndicatorMapping, importEesFile } from "../importers/ees.ts";
import { importLaitFile } from "../importers/lait.ts";
import type { ImportResult } from "../importers/types.ts";
import { readMappings } from "./mappings.ts";

export type FileFormat = "ees" | "lait";

const LAIT_COLUMNS = ["Short Desc", "Years", "LA and Regions", "Values", "LA Number"];
const EES_COLUMNS = ["time_period", "time_identifier", "geographic_level"];

/** Which layout a file is in, from its header; refused with the columns each layout needs. */
export function detectFormat(header: string[], fileLabel: string): FileFormat {
  const has = (columns: string[]) => columns.every((column) => header.includes(column));
  if (has(LAIT_COLUMNS)) return "lait";
  if (EES_COLUMNS.some((column) => header.includes(column))) return "ees";
  throw new InputError(
    { file: fileLabel, row: 1 },
    `not a layout Plan Outcomes reads: an Explore Education Statistics file needs the columns ${EES_COLUMNS.join(", ")}; a LAIT file needs ${LAIT_COLUMNS.join(", ")}`,
  );
}

function columnsOf(mapping: EesIndicatorMapping): string[] {
  return [
    mapping.valueColumn,
    ...Object.keys(mapping.filters ?? {}),
    ...(mapping.numerator ? [mapping.numerator.column, ...Object.keys(mapping.numerator.filters ?? {})] : []),
    ...(mapping.denominator ? [mapping.denominator.column, ...Object.keys(mapping.denominator.filters ?? {})] : []),
    ...(mapping.breakdowns ?? []).map((breakdown) => breakdown.column),
  ];
}

/**
 * Reads a file with the saved mappings that fit its layout: the one path for the seed, uploads and
 * the load-data command.
 */
export async function importFileWithSavedMappings(
  tx: Executor,
  path: string,
  fileLabel: string,
): Promise<{ format: FileFormat; result: ImportResult }> {
  const { header, records } = await readCsvRecords(path, { fileLabel });
  await records.return?.(undefined);
  const format = detectFormat(header, fileLabel);
  const mappings = await readMappings(tx);
  if (format === "lait") return { format, result: await importLaitFile(path, mappings.lait, { fileLabel }) };
  const fitting = mappings.ees.filter((mapping) => columnsOf(mapping).every((column) => header.includes(column)));
  if (fitting.length === 0) {
    throw new InputError(
      { file: fileLabel, row: 1 },
      `none of this file's columns is mapped to an indicator yet (columns: ${header.join(", ")})`,
    );
  }
  return { format, result: await importEesFile(path, { indicators: fitting }, { fileLabel }) };
}
