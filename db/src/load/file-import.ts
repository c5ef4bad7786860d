import { basename } from "node:path";
import { eq } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { enterCheckStep } from "../domain/check-progress.ts";
import type { LaitYearType } from "../domain/periods.ts";
import { InputError, type PeriodType } from "../domain/types.ts";
import { readCsvRecords } from "../importers/csv.ts";
import {
  type EesFileScan,
  type EesIndicatorMapping,
  GEOGRAPHY_COLUMN_NAMES,
  importEesFile,
  scanEesFile,
} from "../importers/ees.ts";
import { importLaitFile, type LaitMeasureMapping, scanLaitFile } from "../importers/lait.ts";
import {
  type EesMetaColumn,
  type LaitDictionaryEntry,
  metaKindOf,
  readEesMeta,
  readLaitDictionary,
} from "../importers/meta.ts";
import { importTemplateFile, TEMPLATE_COLUMNS, type TemplateIndicator } from "../importers/template.ts";
import type { ImportedObservation, ImportResult, ImportWarning } from "../importers/types.ts";
import { isXlsx, xlsxSheetToCsv } from "../importers/xlsx.ts";
import { indicators, sources } from "../schema/index.ts";
import type { LoadableObservation } from "./import-file.ts";
import { layoutOf, readMappings } from "./mappings.ts";
import {
  addNewIndicators,
  describeUnit,
  type NewIndicator,
  newIndicatorCode,
  newLayoutIndicatorCode,
  titleFromColumn,
} from "./new-indicators.ts";

export type FileFormat = "ees" | "lait" | "template";

const LAIT_COLUMNS = ["Short Desc", "Years", "LA and Regions", "Values", "LA Number"];
const EES_COLUMNS = ["time_period", "time_identifier", "geographic_level"];

/** Which layout a file is in, from its header; refused with the columns each layout needs. */
export function detectFormat(header: string[], fileLabel: string): FileFormat {
  const has = (columns: string[]) => columns.every((column) => header.includes(column));
  if (has(LAIT_COLUMNS)) return "lait";
  if (EES_COLUMNS.some((column) => header.includes(column))) return "ees";
  const lower = header.map((name) => name.trim().toLowerCase());
  if (["indicator", "area", "period"].every((column) => lower.includes(column))) return "template";
  throw new InputError(
    { file: fileLabel, row: 1 },
    `not a layout Plan Outcomes reads: an Explore Education Statistics file needs the columns ${EES_COLUMNS.join(", ")}; ` +
      `a LAIT file needs ${LAIT_COLUMNS.join(", ")}; the Plan Outcomes template needs ${TEMPLATE_COLUMNS.join(", ")}`,
  );
}

/** The template names indicators by code: their period kind and whether they are percentages, from the catalogue. */
async function templateIndicators(tx: Executor): Promise<Map<string, TemplateIndicator>> {
  const rows = await tx
    .select({ code: indicators.code, periodType: indicators.periodType, unit: indicators.unit })
    .from(indicators);
  return new Map(
    rows.map((row) => [row.code, { periodType: row.periodType as PeriodType, isPercentage: row.unit.trim() === "%" }]),
  );
}

function figureColumnsOf(mapping: EesIndicatorMapping): string[] {
  return [mapping.valueColumn, mapping.numerator?.column, mapping.denominator?.column].filter(
    (column): column is string => column !== undefined,
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

export interface FileImportOptions {
  /** The file's EES `.meta.csv`, or LAIT's data dictionary for a LAIT file. */
  metaPath?: string;
  metaLabel?: string;
  /**
   * Columns (EES) or measures (LAIT) that match no saved mapping become new indicators, with a warning.
   * Uploads do; the seed does not (it loads only what the catalogue maps).
   */
  createIndicators?: boolean;
  /**
   * Receives an EES file's figures in batches as it streams (the result then holds none); LAIT files,
   * small by construction, come whole in the result.
   */
  onObservations?: (batch: ImportedObservation[]) => Promise<void>;
  /** For a workbook (.xlsx): the sheet to read; default the first. */
  sheet?: string;
  /**
   * What an earlier reading of these same bytes learnt of an EES file's columns (the check's, kept with the
   * upload): the publish then reads the file once instead of twice.
   */
  eesScan?: EesFileScan;
}

const TIME_AND_GEOGRAPHY = new Set([...EES_COLUMNS, ...GEOGRAPHY_COLUMN_NAMES]);

/** How a LAIT dictionary's Year_Type reads a plain year label (the year a period ends). */
const LAIT_YEAR_TYPES: Record<string, LaitYearType> = {
  "academic year": "academic_year",
  // LAIT's "financial year" measures of children's social care are counted at, or to, 31 March.
  "financial year": "reporting_year",
  "calendar year": "calendar_year",
  annual: "calendar_year",
  "annual - january": "calendar_year",
};

async function newEesIndicators(
  tx: Executor,
  fileLabel: string,
  fitting: EesIndicatorMapping[],
  meta: EesMetaColumn[] | undefined,
  metaLabel: string,
  warnings: ImportWarning[],
  scan: EesFileScan,
): Promise<EesIndicatorMapping[]> {
  const header = scan.header.map((name) => name.trim());
  if (meta) {
    for (const column of meta) {
      if (!header.includes(column.name)) {
        throw new InputError(
          { file: metaLabel, row: column.row, column: "col_name" },
          `the meta file describes column ${column.name}, which ${fileLabel} does not have`,
          column.name,
        );
      }
    }
    const described = new Set(meta.map((column) => column.name));
    const ignored = header.filter((name) => !TIME_AND_GEOGRAPHY.has(name) && !described.has(name));
    if (ignored.length > 0) {
      warnings.push({
        kind: "ignored-column",
        message: `${fileLabel}: ${ignored.length} column(s) not in ${metaLabel} were not read: ${ignored.join(", ")}`,
        count: ignored.length,
      });
    }
  }
  const covered = new Set(fitting.flatMap(figureColumnsOf));
  const scanned = new Map(scan.columns.map((column) => [column.name, column]));
  const candidates = meta
    ? meta.filter((column) => column.type === "Indicator")
    : scan.columns
        .filter((column) => column.figures)
        .map((column) => ({
          name: column.name,
          label: titleFromColumn(column.name),
          unit: "",
          decimalPlaces: undefined,
        }));
  const fresh = candidates.filter((column) => !covered.has(column.name));
  if (fresh.length === 0) return [];
  if (scan.periodType === undefined) return []; // the import refuses the period, located
  // What is made from this file is saved for files of its layout only.
  const layout = layoutOf(header);
  const codes = new Map<string, string>();
  for (const column of fresh) codes.set(column.name, await newLayoutIndicatorCode(tx, column.name, layout));
  const created = fresh.map((column) => {
    const decimalPlaces = column.decimalPlaces ?? Math.min(6, scanned.get(column.name)?.decimalPlaces ?? 0);
    const indicator: NewIndicator = {
      code: codes.get(column.name) ?? newIndicatorCode("ees", column.name),
      title: column.label,
      definition: `${column.label}, as published in column ${column.name} of ${fileLabel}.`,
      decimalPlaces,
      ...describeUnit(column.name, column.unit, decimalPlaces),
      periodType: scan.periodType as PeriodType,
      from: `column ${column.name}`,
    };
    const mapping: EesIndicatorMapping = {
      indicatorCode: indicator.code,
      valueColumn: column.name,
      breakdownsFromFilters: true,
    };
    return { indicator, ees: mapping };
  });
  warnings.push(...(await addNewIndicators(tx, fileLabel, created, { layout })));
  return created.map(({ ees }) => ees);
}

async function newLaitIndicators(
  tx: Executor,
  path: string,
  fileLabel: string,
  known: LaitMeasureMapping[],
  dictionary: LaitDictionaryEntry[] | undefined,
  warnings: ImportWarning[],
): Promise<LaitMeasureMapping[]> {
  const mapped = new Set(known.map((mapping) => mapping.shortDesc));
  const described = new Map((dictionary ?? []).map((entry) => [entry.shortDesc, entry]));
  const assumed: string[] = [];
  enterCheckStep("columns");
  const created = (await scanLaitFile(path, { fileLabel }))
    .filter((measure) => !mapped.has(measure.shortDesc))
    .map((measure) => {
      const entry = described.get(measure.shortDesc);
      let yearType: LaitYearType;
      if (measure.yearForms.has("academic")) yearType = "academic_year";
      else if (measure.yearForms.has("outturn")) yearType = "financial_year";
      else {
        const declared = entry ? LAIT_YEAR_TYPES[entry.yearType.toLowerCase()] : undefined;
        if (declared === undefined) assumed.push(measure.shortDesc);
        yearType = declared ?? "reporting_year";
      }
      const title = entry?.title || measure.dataItem || measure.shortDesc;
      const decimalPlaces = entry?.decimalPlaces ?? measure.decimalPlaces;
      const percent = /%|percent/i.test(`${entry?.unit ?? ""} ${measure.dataItem}`);
      const indicator: NewIndicator = {
        code: newIndicatorCode("lait", measure.shortDesc),
        title,
        definition: entry?.description || `${title} (LAIT measure ${measure.shortDesc}).`,
        decimalPlaces,
        ...(percent
          ? { unit: "%", multiplier: 100, valueType: "proportion" as const }
          : { unit: entry?.unit ?? "", multiplier: 1, valueType: "other" as const }),
        periodType: yearType,
        from: `measure ${measure.shortDesc}`,
      };
      // LAIT does not say which measures are percentages: a new one is not checked against 0 to 100.
      const lait: LaitMeasureMapping = { shortDesc: measure.shortDesc, indicatorCode: indicator.code, yearType };
      return { indicator, lait };
    });
  if (assumed.length > 0) {
    warnings.push({
      kind: "year-type-assumed",
      message:
        `${fileLabel}: the file does not say what kind of year ${assumed.join(", ")} count${assumed.length === 1 ? "s" : ""}; ` +
        "their years are read as years to 31 March. Load the file with --meta lait_data_dictionary_selected.csv to use LAIT's Year_Type.",
      count: assumed.length,
    });
  }
  const existing = await tx.select({ code: sources.code }).from(sources).where(eq(sources.code, "dfe-lait"));
  warnings.push(
    ...(await addNewIndicators(
      tx,
      fileLabel,
      created,
      existing.length > 0 ? { sourceCode: "dfe-lait", noun: "measure" } : { noun: "measure" },
    )),
  );
  return created.map(({ lait }) => lait);
}

async function readMeta(
  path: string,
  label: string,
  format: FileFormat,
  fileLabel: string,
): Promise<{ ees?: EesMetaColumn[]; lait?: LaitDictionaryEntry[] }> {
  const { header, records } = await readCsvRecords(path, { fileLabel: label });
  await records.return?.(undefined);
  const kind = metaKindOf(header);
  if (kind !== format) {
    throw new InputError(
      { file: label, row: 1 },
      format === "ees"
        ? `not a .meta.csv for ${fileLabel}: an Explore Education Statistics meta file has the columns col_name, col_type, label`
        : `not a data dictionary for ${fileLabel}: LAIT's dictionary has the columns Measure_short and Year_Type`,
    );
  }
  return kind === "ees" ? { ees: await readEesMeta(path, label) } : { lait: await readLaitDictionary(path, label) };
}

/** What a file gives the loader: figures by area reference, or (the template) by area code. */
export type FileImportResult = Omit<ImportResult, "observations"> & { observations: LoadableObservation[] };

/**
 * Reads a file with the saved mappings that fit its layout: the one path for the seed, uploads and
 * the load-data command. With `createIndicators`, what no mapping reads becomes a new indicator.
 */
export async function importFileWithSavedMappings(
  tx: Executor,
  path: string,
  fileLabel: string,
  options: FileImportOptions = {},
): Promise<{ format: FileFormat; result: FileImportResult; eesScan?: EesFileScan }> {
  if (await isXlsx(path)) {
    // A workbook's sheet is read as the CSV it would save as: one set of checks for both.
    enterCheckStep("workbook");
    const sheet = await xlsxSheetToCsv(path, { fileLabel, ...(options.sheet ? { sheet: options.sheet } : {}) });
    try {
      const { sheet: _chosen, ...csvOptions } = options;
      return await importFileWithSavedMappings(
        tx,
        sheet.csvPath,
        `${fileLabel} (sheet ${sheet.sheetName})`,
        csvOptions,
      );
    } finally {
      sheet.cleanUp();
    }
  }
  if (options.sheet) {
    throw new InputError(
      { file: fileLabel, row: 1 },
      `a sheet ("${options.sheet}") was chosen, but this file is not an Excel workbook (.xlsx): leave the sheet blank for a CSV`,
      options.sheet,
    );
  }
  const { header, records } = await readCsvRecords(path, { fileLabel });
  await records.return?.(undefined);
  const format = detectFormat(header, fileLabel);
  if (format === "template") {
    const known = await templateIndicators(tx);
    enterCheckStep("rows");
    const read = await importTemplateFile(path, known, { fileLabel });
    return { format, result: { ...read, observationCount: read.observations.length } };
  }
  const metaLabel = options.metaLabel ?? (options.metaPath ? basename(options.metaPath) : "");
  const meta: { ees?: EesMetaColumn[]; lait?: LaitDictionaryEntry[] } = options.metaPath
    ? await readMeta(options.metaPath, metaLabel, format, fileLabel)
    : {};
  const mappings = await readMappings(tx, { layout: layoutOf(header) });
  const warnings: ImportWarning[] = [];
  if (format === "lait") {
    const created = options.createIndicators
      ? await newLaitIndicators(tx, path, fileLabel, mappings.lait, meta.lait, warnings)
      : [];
    enterCheckStep("rows");
    const result = await importLaitFile(path, [...mappings.lait, ...created], { fileLabel });
    return { format, result: { ...result, warnings: [...warnings, ...result.warnings] } };
  }
  const trimmed = header.map((name) => name.trim());
  const fitting = mappings.ees.filter((mapping) => columnsOf(mapping).every((column) => trimmed.includes(column)));
  if (options.createIndicators && !options.eesScan) enterCheckStep("columns");
  const scan = options.createIndicators ? (options.eesScan ?? (await scanEesFile(path, { fileLabel }))) : undefined;
  const created = scan ? await newEesIndicators(tx, fileLabel, fitting, meta.ees, metaLabel, warnings, scan) : [];
  if (fitting.length + created.length === 0) {
    throw new InputError(
      { file: fileLabel, row: 1 },
      `none of this file's columns is mapped to an indicator yet (columns: ${header.join(", ")})`,
    );
  }
  const filterColumns = meta.ees?.filter((column) => column.type === "Filter").map((column) => column.name);
  enterCheckStep("rows");
  const result = await importEesFile(
    path,
    { indicators: [...fitting, ...created] },
    {
      fileLabel,
      ...(filterColumns ? { filterColumns } : {}),
      ...(options.onObservations ? { onObservations: options.onObservations } : {}),
      ...(scan ? { columnValues: scan.values } : {}),
    },
  );
  return {
    format,
    result: { ...result, warnings: [...warnings, ...result.warnings] },
    ...(scan ? { eesScan: scan } : {}),
  };
}
