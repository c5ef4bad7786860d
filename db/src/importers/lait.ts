import { basename } from "node:path";
import { type LaitYearType, parseLaitYear } from "../domain/periods.ts";
import { checkPercentage, parseObservationValue } from "../domain/symbols.ts";
import { InputError, ProblemCollector, type SourceLocation } from "../domain/types.ts";
import { readCsvRecords } from "./csv.ts";
import type { ImportOptions } from "./ees.ts";
import type { AreaReference, ImportedObservation, ImportResult, ImportWarning } from "./types.ts";

export interface LaitMeasureMapping {
  /** LAIT's `Short Desc` code, e.g. TotAbs. */
  shortDesc: string;
  indicatorCode: string;
  /** What a plain year label means for this measure: LAIT names years by the year they end. */
  yearType: LaitYearType;
  /** A percentage measure (e.g. TotAbs): its values must lie in 0 to 100. LAIT files do not say, so the mapping does. */
  percentage?: boolean;
}

const COLUMNS = ["Short Desc", "Years", "LA and Regions", "Values", "LA Number", "Region"] as const;
type LaitColumn = (typeof COLUMNS)[number];

/** LAIT numbers England 970 and the regions 980-990; their `Region` is "NA". */
const FIRST_SUMMARY_NUMBER = 970;
const LAST_SUMMARY_NUMBER = 990;

/** A jump of this factor between consecutive years is read as a change of unit, not a change in the world. */
const SERIES_BREAK_FACTOR = 20;

const KEY_SEPARATOR = "\u001f";

/** Where each way of naming an area is, for locating a problem with it. */
const SUMMARY_AREA_COLUMNS: AreaReference["columns"] = { name: "LA and Regions" };
const LA_COLUMNS: AreaReference["columns"] = { dfeCode: "LA Number", name: "LA and Regions", regionName: "Region" };

function areaOf(cell: (column: LaitColumn) => string, location: SourceLocation): AreaReference {
  const number = cell("LA Number");
  const name = cell("LA and Regions");
  const region = cell("Region");
  if (!/^\d+$/.test(number)) {
    throw new InputError({ ...location, column: "LA Number" }, "LA Number must be a whole number", number);
  }
  if (!name) throw new InputError({ ...location, column: "LA and Regions" }, "area name is blank", name);
  const code = Number(number);
  if (region === "NA" || (code >= FIRST_SUMMARY_NUMBER && code <= LAST_SUMMARY_NUMBER)) {
    return { level: name === "England" ? "National" : "Regional", name, columns: SUMMARY_AREA_COLUMNS };
  }
  return { level: "Local authority", dfeCode: number, name, regionName: region, columns: LA_COLUMNS };
}

const areaKey = (area: AreaReference) => [area.level, area.dfeCode ?? "", area.name ?? ""].join(KEY_SEPARATOR);

const describe = (observation: ImportedObservation) => `${observation.area.name} ${observation.period.label}`;

/** One warning per measure whose series jumps by more than SERIES_BREAK_FACTOR between consecutive figures. */
function findSeriesBreaks(observations: ImportedObservation[], shortDescOf: Map<string, string>): ImportWarning[] {
  const series = new Map<string, ImportedObservation[]>();
  for (const observation of observations) {
    if (observation.status !== "value" || observation.value === null) continue;
    const key = `${observation.indicatorCode}${KEY_SEPARATOR}${areaKey(observation.area)}`;
    series.set(key, [...(series.get(key) ?? []), observation]);
  }
  const breaks = new Map<string, { count: number; first: ImportedObservation; before: ImportedObservation }>();
  for (const points of series.values()) {
    points.sort((a, b) => a.period.startsOn.localeCompare(b.period.startsOn));
    for (let i = 1; i < points.length; i++) {
      const before = points[i - 1] as ImportedObservation;
      const after = points[i] as ImportedObservation;
      const a = before.value as number;
      const b = after.value as number;
      // Signs must agree: a score crossing zero (progress measures) changes by any factor without a change of unit.
      if (a * b <= 0) continue;
      const factor = Math.max(Math.abs(a), Math.abs(b)) / Math.min(Math.abs(a), Math.abs(b));
      if (factor <= SERIES_BREAK_FACTOR) continue;
      const found = breaks.get(after.indicatorCode);
      if (found) found.count++;
      else breaks.set(after.indicatorCode, { count: 1, first: after, before });
    }
  }
  return [...breaks].map(([indicatorCode, { count, first, before }]) => ({
    kind: "series-break",
    message:
      `${shortDescOf.get(indicatorCode)} (${indicatorCode}): ${count} jump${count === 1 ? "" : "s"} of more than ` +
      `${SERIES_BREAK_FACTOR}-fold between consecutive figures of one area, first ${describe(before)} ${before.value} ` +
      `to ${describe(first)} ${first.value}: check for a change of unit before comparing across it`,
    count,
    location: first.location,
  }));
}

/** Imports a LAIT long table (`Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region`). */
export async function importLaitFile(
  path: string,
  mappings: LaitMeasureMapping[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const file = options.fileLabel ?? basename(path);
  const byShortDesc = new Map<string, LaitMeasureMapping>();
  for (const mapping of mappings) {
    if (byShortDesc.has(mapping.shortDesc)) throw new Error(`LAIT measure ${mapping.shortDesc} is mapped twice`);
    byShortDesc.set(mapping.shortDesc, mapping);
  }

  // Every problem the format lets reading survive is collected, so one report lists them all.
  const problems = new ProblemCollector();
  const csv = await readCsvRecords(path, { fileLabel: file, problems });
  const observations: ImportedObservation[] = [];
  const seen = new Map<string, number>();
  const unmapped = new Map<string, number>();
  const irregular: { count: number; measures: Set<string>; first?: SourceLocation } = { count: 0, measures: new Set() };
  let rowCount = 0;
  try {
    const position = new Map<string, number>();
    csv.header.forEach((name, at) => {
      if (!position.has(name.trim())) position.set(name.trim(), at);
    });
    for (const column of COLUMNS) {
      if (!position.has(column)) {
        throw new InputError(
          { file, row: 1, column },
          `missing column ${column}: a LAIT file has Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region`,
        );
      }
    }

    for await (const record of csv.records) {
      rowCount++;
      const cell = (column: LaitColumn) => (record.cells[position.get(column) as number] ?? "").trim();
      const at = (column: LaitColumn): SourceLocation => ({ file, row: record.row, column });
      const shortDesc = cell("Short Desc");
      const mapping = byShortDesc.get(shortDesc);
      if (mapping === undefined) {
        unmapped.set(shortDesc, (unmapped.get(shortDesc) ?? 0) + 1);
        continue;
      }
      const read = problems.check(() => {
        const year = parseLaitYear(cell("Years"), mapping.yearType, at("Years"));
        if (year === null) return null;
        return { year, area: areaOf(cell, { file, row: record.row }) };
      });
      if (read === undefined) continue;
      if (read === null) {
        irregular.count++;
        irregular.measures.add(shortDesc);
        irregular.first ??= at("Years");
        continue;
      }
      const { year, area } = read;
      // A bad value is recorded and reading goes on, so the report lists every one (up to its limit).
      const parsed = problems.check(() => {
        const value = parseObservationValue(cell("Values"), at("Values"));
        if (mapping.percentage) checkPercentage(value.value, cell("Values"), at("Values"));
        return value;
      });
      if (parsed === undefined) continue;

      const identity = [shortDesc, areaKey(area), year.period.code].join(KEY_SEPARATOR);
      const earlier = seen.get(identity);
      if (earlier !== undefined) {
        problems.add(
          new InputError(
            { file, row: record.row },
            `duplicate of row ${earlier}: same measure ${shortDesc}, area ${area.name} and year ${year.period.label}`,
          ),
        );
        continue;
      }
      seen.set(identity, record.row);

      observations.push({
        indicatorCode: mapping.indicatorCode,
        area,
        period: year.period,
        breakdown: { dimension: "total", value: "Total" },
        status: parsed.status,
        value: parsed.value,
        numerator: null,
        denominator: null,
        isProvisional: year.isProvisional,
        location: at("Values"),
      });
    }
  } finally {
    await csv.records.return?.();
  }
  problems.throwIfAny();

  const warnings: ImportWarning[] = [];
  if (unmapped.size > 0) {
    const rows = [...unmapped.values()].reduce((sum, count) => sum + count, 0);
    warnings.push({
      kind: "unmapped-measure",
      message: `${file}: ${rows} rows of measures not mapped to an indicator were ignored: ${[...unmapped.keys()].sort().join(", ")}`,
      count: rows,
    });
  }
  if (irregular.count > 0) {
    warnings.push({
      kind: "irregular-period",
      message: `${file}: ${irregular.count} rows with year label "0" (no year) were skipped, in ${[...irregular.measures].sort().join(", ")}`,
      count: irregular.count,
      ...(irregular.first ? { location: irregular.first } : {}),
    });
  }
  const shortDescOf = new Map(mappings.map((mapping) => [mapping.indicatorCode, mapping.shortDesc]));
  warnings.push(...findSeriesBreaks(observations, shortDescOf));
  return { observations, warnings, rowCount, observationCount: observations.length };
}

export interface LaitMeasureScan {
  shortDesc: string;
  /** The measure's `Data item`, from the first row that fills it. */
  dataItem: string;
  /** The forms its year labels take: `2025`, `2015/16`, `2016-17 (OT)`. */
  yearForms: Set<"end-year" | "academic" | "outturn">;
  /** The most decimal places among its figures, float artefacts removed. */
  decimalPlaces: number;
  rows: number;
}

/** Reads a LAIT file once, streaming, listing each measure it holds: how measures no mapping knows are described. */
export async function scanLaitFile(path: string, options: ImportOptions = {}): Promise<LaitMeasureScan[]> {
  const file = options.fileLabel ?? basename(path);
  // Rows of the wrong shape are skipped here: the import reports them, located.
  const csv = await readCsvRecords(path, { fileLabel: file, problems: new ProblemCollector() });
  const names = csv.header.map((name) => name.trim());
  const at = (column: string) => names.indexOf(column);
  const [shortDescAt, dataItemAt, yearsAt, valuesAt] = ["Short Desc", "Data item", "Years", "Values"].map(
    at,
  ) as number[];
  const measures = new Map<string, LaitMeasureScan>();
  try {
    for await (const record of csv.records) {
      const cell = (position: number | undefined) =>
        position === undefined || position < 0 ? "" : (record.cells[position] ?? "").trim();
      const shortDesc = cell(shortDescAt);
      if (shortDesc === "") continue;
      let measure = measures.get(shortDesc);
      if (measure === undefined) {
        measure = { shortDesc, dataItem: "", yearForms: new Set(), decimalPlaces: 0, rows: 0 };
        measures.set(shortDesc, measure);
      }
      measure.rows++;
      if (measure.dataItem === "") measure.dataItem = cell(dataItemAt);
      const years = cell(yearsAt);
      if (/^\d{4}\/\d{2}$/.test(years)) measure.yearForms.add("academic");
      else if (/\(OT\)$/.test(years)) measure.yearForms.add("outturn");
      else if (/^\d{4}/.test(years)) measure.yearForms.add("end-year");
      try {
        const { value } = parseObservationValue(cell(valuesAt), { file, row: record.row });
        const decimals = value === null ? 0 : (/\.(\d+)$/.exec(String(value))?.[1]?.length ?? 0);
        measure.decimalPlaces = Math.max(measure.decimalPlaces, Math.min(6, decimals));
      } catch {
        // A bad value is reported, located, when the file is imported.
      }
    }
  } finally {
    await csv.records.return?.();
  }
  return [...measures.values()];
}
