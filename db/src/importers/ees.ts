import { basename } from "node:path";
import { parseDfePeriod, periodKindOf } from "../domain/periods.ts";
import { checkPercentage, parseObservationValue } from "../domain/symbols.ts";
import { InputError, type Period, type PeriodType, ProblemCollector, type SourceLocation } from "../domain/types.ts";
import { type CsvRecord, readCsvRecords } from "./csv.ts";
import type { AreaReference, ImportedObservation, ImportResult, ImportWarning } from "./types.ts";

export interface EesIndicatorMapping {
  indicatorCode: string;
  valueColumn: string;
  /** Columns that must hold exactly these values for a row to give this indicator. */
  filters?: Record<string, string>;
  /** Read from the row with the same time, area and filters, after these filter overrides. */
  numerator?: { column: string; filters?: Record<string, string> };
  denominator?: { column: string; filters?: Record<string, string> };
  /** Filter columns kept as breakdowns: `totalValue` is the headline, any other value a breakdown of `dimension`. */
  breakdowns?: { column: string; dimension: string; totalValue: string }[];
  /**
   * Whether the value column is a percentage (0 to 100, and a numerator never above its denominator).
   * When absent, decided by the column's name: see `isPercentageColumn`.
   */
  percentage?: boolean;
  /**
   * Every filter column of the file that takes more than one value is a breakdown (an indicator made from
   * a column no mapping knew): a row whose filters are all at their Total is the headline, a row with one
   * or more filters off their Total is the breakdown named by those filters together.
   */
  breakdownsFromFilters?: boolean;
}

export interface EesFileMapping {
  indicators: EesIndicatorMapping[];
}

export interface ImportOptions {
  /** Name used in error locations and warnings; defaults to the file name. */
  fileLabel?: string;
  /**
   * The file's filter columns, when its `.meta.csv` lists them; other text columns are then ignored.
   * Without it, every non-geography column holding text is a filter.
   */
  filterColumns?: string[];
}

type ReadLevel = AreaReference["level"];

const READ_LEVELS: ReadonlySet<string> = new Set<ReadLevel>(["National", "Regional", "Local authority", "School"]);

/** The other levels the official screener accepts: legitimate, but not areas this product shows. */
const SKIPPED_LEVELS: ReadonlySet<string> = new Set([
  "Local authority district",
  "RSC region",
  "Parliamentary constituency",
  "Local skills improvement plan area",
  "Local enterprise partnership",
  "English devolved area",
  "Opportunity area",
  "Ward",
  "MAT",
  "Sponsor",
  "Provider",
  "Institution",
  "Planning area",
  "Police force area",
]);

const REQUIRED_COLUMNS = ["time_period", "time_identifier", "geographic_level"] as const;

/** Standard geography columns of the layout: they locate a row, they never filter it. */
export const GEOGRAPHY_COLUMN_NAMES: readonly string[] = [
  "country_code",
  "country_name",
  "region_code",
  "region_name",
  "new_la_code",
  "old_la_code",
  "la_name",
  "lad_code",
  "lad_name",
  "rsc_region_lead_name",
  "pcon_code",
  "pcon_name",
  "lsip_code",
  "lsip_name",
  "local_enterprise_partnership_code",
  "local_enterprise_partnership_name",
  "english_devolved_area_code",
  "english_devolved_area_name",
  "opportunity_area_code",
  "opportunity_area_name",
  "ward_code",
  "ward_name",
  "trust_id",
  "trust_name",
  "sponsor_id",
  "sponsor_name",
  "school_urn",
  "school_laestab",
  "school_name",
  "laestab",
  "estab",
  "provider_ukprn",
  "provider_name",
  "institution_id",
  "institution_name",
  "planning_area_code",
  "planning_area_name",
  "pfa_code",
  "pfa_name",
];
const GEOGRAPHY_COLUMNS: ReadonlySet<string> = new Set(GEOGRAPHY_COLUMN_NAMES);

const TOTAL = "Total";

/**
 * A column named as a percentage (`care_leaver_percent`, `pupil_pct`): its figures lie in 0 to 100.
 * Changes and gaps (`..._change_percent`, `gap_percent`) are named like percentages but may be negative.
 * Rates (`_rate`, `rate_per_10000`) are never read as percentages: per 10,000 they exceed 100.
 */
export function isPercentageColumn(name: string): boolean {
  const column = name.trim().toLowerCase();
  return /_(?:percent|pct|percentage)$/.test(column) && !/(?:change|difference|diff|gap)/.test(column);
}

const isPercentage = (indicator: EesIndicatorMapping) =>
  indicator.percentage ?? isPercentageColumn(indicator.valueColumn);
const KEY_SEPARATOR = "\u001f";

interface Columns {
  file: string;
  header: string[];
  index: Map<string, number>;
}

function indexColumns(header: string[], file: string, mapping: EesFileMapping): Columns {
  const positions = new Map<string, number[]>();
  header.forEach((name, position) => {
    const trimmed = name.trim();
    positions.set(trimmed, [...(positions.get(trimmed) ?? []), position]);
  });
  const index = new Map([...positions].map(([name, at]) => [name, at[0] as number]));
  const needed = new Set<string>(REQUIRED_COLUMNS);
  for (const indicator of mapping.indicators) {
    for (const column of referencedColumns(indicator)) needed.add(column);
  }
  for (const name of needed) {
    const at = positions.get(name);
    if (at === undefined) {
      const reason = (REQUIRED_COLUMNS as readonly string[]).includes(name)
        ? `missing column ${name}: an Explore Education Statistics file needs time_period, time_identifier and geographic_level`
        : `missing column ${name}, which the indicator mapping names`;
      throw new InputError({ file, row: 1, column: name }, reason);
    }
    if (at.length > 1) {
      throw new InputError(
        { file, row: 1, column: name },
        `column ${name} appears ${at.length} times in the header: it must be unique to be read by name`,
      );
    }
  }
  return { file, header, index };
}

function referencedColumns(indicator: EesIndicatorMapping): string[] {
  return [
    indicator.valueColumn,
    ...Object.keys(indicator.filters ?? {}),
    ...(indicator.numerator ? [indicator.numerator.column, ...Object.keys(indicator.numerator.filters ?? {})] : []),
    ...(indicator.denominator
      ? [indicator.denominator.column, ...Object.keys(indicator.denominator.filters ?? {})]
      : []),
    ...(indicator.breakdowns ?? []).map((breakdown) => breakdown.column),
  ];
}

function figureColumns(mapping: EesFileMapping): Set<string> {
  const figures = new Set<string>();
  for (const indicator of mapping.indicators) {
    figures.add(indicator.valueColumn);
    if (indicator.numerator) figures.add(indicator.numerator.column);
    if (indicator.denominator) figures.add(indicator.denominator.column);
  }
  return figures;
}

function cellOf(columns: Columns, record: CsvRecord, name: string): string {
  const at = columns.index.get(name);
  return at === undefined ? "" : (record.cells[at] ?? "").trim();
}

function isFigure(cell: string): boolean {
  // The parser is the single definition of a figure; its error is the answer "not a figure".
  try {
    parseObservationValue(cell, { file: "", row: 0 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Filter columns are the non-geography, non-time columns holding text. Columns the mapping filters or
 * breaks down by count as filters whatever they hold; unmapped indicator columns hold only figures.
 */
function findFilterColumns(
  columns: Columns,
  rows: CsvRecord[],
  mapping: EesFileMapping,
  declared?: string[],
): string[] {
  if (declared !== undefined) return declared.filter((name) => columns.index.has(name));
  const figures = figureColumns(mapping);
  const mapped = new Set<string>();
  for (const indicator of mapping.indicators) {
    for (const column of referencedColumns(indicator)) if (!figures.has(column)) mapped.add(column);
  }
  return columns.header
    .map((name) => name.trim())
    .filter((name, position) => columns.index.get(name) === position)
    .filter((name) => !(REQUIRED_COLUMNS as readonly string[]).includes(name) && !GEOGRAPHY_COLUMNS.has(name))
    .filter((name) => !figures.has(name))
    .filter(
      (name) =>
        mapped.has(name) ||
        rows.some((record) => {
          const cell = cellOf(columns, record, name);
          return cell !== "" && !isFigure(cell);
        }),
    );
}

export interface EesColumnScan {
  name: string;
  /** Every filled cell is a number or a symbol, and at least one cell is filled: an indicator column. */
  figures: boolean;
  /** The most decimal places among its numbers. */
  decimalPlaces: number;
}

export interface EesFileScan {
  header: string[];
  /** The columns that are neither time nor geography, once each, in file order. */
  columns: EesColumnScan[];
  /** The kind of period of the first data row, if the product reads it. */
  periodType: PeriodType | undefined;
}

const decimalsOf = (cell: string) => {
  const match = /\.(\d+)(?:[eE]|$)/.exec(cell);
  return match ? (match[1] as string).length : 0;
};

/**
 * Reads a file once, streaming, to tell its indicator columns (figures only) from its filters (text):
 * how a file without a `.meta.csv` is understood.
 */
export async function scanEesFile(path: string, options: ImportOptions = {}): Promise<EesFileScan> {
  const file = options.fileLabel ?? basename(path);
  // Rows of the wrong shape are skipped here: the import reports them, located.
  const csv = await readCsvRecords(path, { fileLabel: file, problems: new ProblemCollector() });
  const names = csv.header.map((name) => name.trim());
  const positions = names
    .map((name, position) => ({ name, position }))
    .filter(
      ({ name, position }) =>
        names.indexOf(name) === position &&
        !(REQUIRED_COLUMNS as readonly string[]).includes(name) &&
        !GEOGRAPHY_COLUMNS.has(name),
    );
  const state = positions.map(() => ({ text: false, filled: false, decimalPlaces: 0 }));
  const identifierAt = names.indexOf("time_identifier");
  let periodType: PeriodType | undefined;
  let first = true;
  try {
    for await (const record of csv.records) {
      if (first && identifierAt !== -1) periodType = periodKindOf(record.cells[identifierAt] ?? "");
      first = false;
      positions.forEach(({ position }, at) => {
        const column = state[at] as (typeof state)[number];
        if (column.text) return;
        const cell = (record.cells[position] ?? "").trim();
        if (cell === "") return;
        column.filled = true;
        if (!isFigure(cell)) column.text = true;
        else column.decimalPlaces = Math.max(column.decimalPlaces, decimalsOf(cell));
      });
    }
  } finally {
    await csv.records.return?.();
  }
  return {
    header: csv.header,
    columns: positions.map(({ name }, at) => {
      const column = state[at] as (typeof state)[number];
      return { name, figures: column.filled && !column.text, decimalPlaces: column.decimalPlaces };
    }),
    periodType,
  };
}

/** The columns that say which area a row at each level is: at least one must be filled. */
const AREA_COLUMNS: Record<ReadLevel, string[]> = {
  National: ["country_code", "country_name"],
  Regional: ["region_code", "region_name"],
  "Local authority": ["new_la_code", "old_la_code"],
  School: ["laestab", "school_laestab", "school_urn"],
};

/** Refuses a row that does not say which area it is: its level's columns blank, or absent from the whole file. */
function checkAreaGiven(columns: Columns, record: CsvRecord, level: ReadLevel): void {
  const needed = AREA_COLUMNS[level];
  if (needed.some((name) => cellOf(columns, record, name) !== "")) return;
  const list = needed.join(" or ");
  throw new InputError(
    { file: columns.file, row: record.row, column: needed[0] as string },
    needed.every((name) => !columns.index.has(name))
      ? `${level} rows need a ${list} column to say which area they are, and this file has none`
      : `${level} row with ${list} blank: the row must say which area it is`,
    level,
  );
}

function areaOf(columns: Columns, record: CsvRecord, level: ReadLevel): AreaReference {
  checkAreaGiven(columns, record, level);
  const cell = (name: string) => cellOf(columns, record, name) || undefined;
  const area = (reference: AreaReference): AreaReference =>
    Object.fromEntries(Object.entries(reference).filter(([, value]) => value !== undefined)) as AreaReference;
  switch (level) {
    case "National":
      return area({ level, onsCode: cell("country_code"), name: cell("country_name") });
    case "Regional":
      return area({ level, onsCode: cell("region_code"), name: cell("region_name") });
    case "Local authority":
      return area({
        level,
        onsCode: cell("new_la_code"),
        dfeCode: cell("old_la_code"),
        name: cell("la_name"),
        regionCode: cell("region_code"),
        regionName: cell("region_name"),
      });
    case "School":
      return area({
        level,
        dfeCode: cell("laestab") ?? cell("school_laestab") ?? cell("school_urn"),
        name: cell("school_name"),
        laOnsCode: cell("new_la_code"),
        laDfeCode: cell("old_la_code"),
        regionCode: cell("region_code"),
        regionName: cell("region_name"),
      });
  }
}

const areaKey = (area: AreaReference) => [area.level, area.onsCode, area.dfeCode, area.name].join(KEY_SEPARATOR);

interface KeptRow {
  record: CsvRecord;
  level: ReadLevel;
  period: Period;
  /** Time, level, geography and every filter cell: what identifies the row in the file. */
  key: string[];
}

/** Rows by their full key, so a row can find its numerator's, denominator's or Total's row. */
class RowIndex {
  private readonly rows = new Map<string, CsvRecord>();
  private readonly repeats = new Map<string, CsvRecord>();

  constructor(
    private readonly file: string,
    private readonly keyPosition: Map<string, number>,
  ) {}

  add(row: KeptRow): void {
    const key = row.key.join(KEY_SEPARATOR);
    if (this.rows.has(key)) this.repeats.set(key, row.record);
    else this.rows.set(key, row.record);
  }

  /** Names of the key columns (geography and filters) in which two rows differ. */
  differingColumns(a: KeptRow, b: KeptRow): string[] {
    return [...this.keyPosition].filter(([, position]) => a.key[position] !== b.key[position]).map(([name]) => name);
  }

  /** The row that differs from `row` only in the given filter values, if the file has it. */
  find(row: KeptRow, overrides: Record<string, string>): CsvRecord | undefined {
    const key = [...row.key];
    for (const [column, value] of Object.entries(overrides)) {
      const position = this.keyPosition.get(column);
      if (position === undefined) {
        throw new InputError(
          { file: this.file, row: 1, column },
          `the mapping sets ${column} to find a related row, but ${column} is not a filter column of this file`,
        );
      }
      key[position] = value.trim();
    }
    const joined = key.join(KEY_SEPARATOR);
    const repeat = this.repeats.get(joined);
    const found = this.rows.get(joined);
    if (repeat && found) {
      throw new InputError(
        { file: this.file, row: repeat.row },
        `row repeats the time, area and filters of row ${found.row}, so the figure to read is ambiguous`,
      );
    }
    return found;
  }
}

/** Imports an Explore Education Statistics tidy file (DOMAIN.md section 8) as observations of mapped indicators. */
export async function importEesFile(
  path: string,
  mapping: EesFileMapping,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const file = options.fileLabel ?? basename(path);
  // Every problem the format lets reading survive is collected, so one report lists them all.
  const problems = new ProblemCollector();
  const csv = await readCsvRecords(path, { fileLabel: file, problems });
  const rows: CsvRecord[] = [];
  let columns: Columns;
  try {
    columns = indexColumns(csv.header, file, mapping);
    for await (const record of csv.records) rows.push(record);
  } finally {
    await csv.records.return?.();
  }

  const warnings: ImportWarning[] = [];
  const kept = readTimeAndLevel(columns, rows, warnings, problems);
  /** Rows with a problem already reported: nothing more is read from them. */
  const badRows = new Set<number>();
  // Every cell of a mapped column must be a number or a symbol, even in rows no indicator selects.
  const valueColumns = new Set(
    mapping.indicators.flatMap((indicator) =>
      [indicator.valueColumn, indicator.numerator?.column, indicator.denominator?.column].filter(
        (column): column is string => column !== undefined,
      ),
    ),
  );
  const percentageColumns = new Set(mapping.indicators.filter(isPercentage).map((indicator) => indicator.valueColumn));
  for (const { record } of kept) {
    for (const column of valueColumns) {
      const raw = cellOf(columns, record, column);
      const location = { file, row: record.row, column };
      const ok = problems.check(() => {
        const parsed = parseObservationValue(raw, location);
        if (percentageColumns.has(column)) checkPercentage(parsed.value, raw, location);
        return true;
      });
      if (!ok) badRows.add(record.row);
    }
  }

  const filterColumns = findFilterColumns(
    columns,
    kept.map((row) => row.record),
    mapping,
    options.filterColumns,
  );
  const geographyColumns = columns.header
    .map((name) => name.trim())
    .filter((name, position) => GEOGRAPHY_COLUMNS.has(name) && columns.index.get(name) === position);
  const keyColumns = [...REQUIRED_COLUMNS, ...geographyColumns, ...filterColumns];
  const keyPosition = new Map(keyColumns.map((name, position) => [name, position]));
  const index = new RowIndex(file, keyPosition);
  for (const row of kept) {
    row.key = keyColumns.map((name) => cellOf(columns, row.record, name));
    index.add(row);
  }

  const totals = filterTotals(columns, kept, filterColumns);
  const observations: ImportedObservation[] = [];
  for (const indicator of mapping.indicators) {
    observations.push(
      ...readIndicator(columns, kept, index, filterColumns, indicator, warnings, totals, { problems, badRows }),
    );
  }
  problems.throwIfAny();
  return { observations, warnings, rowCount: rows.length };
}

/** Parses every row's period (one kind per file) and keeps the rows at levels this product reads. */
function readTimeAndLevel(
  columns: Columns,
  rows: CsvRecord[],
  warnings: ImportWarning[],
  problems: ProblemCollector,
): KeptRow[] {
  const periods = new Map<string, Period>();
  let fileKind: { type: PeriodType; identifier: string; row: number } | undefined;
  const skipped = new Map<string, number>();
  const kept: KeptRow[] = [];
  const readRow = (record: CsvRecord) => {
    const location: SourceLocation = { file: columns.file, row: record.row };
    const timePeriod = cellOf(columns, record, "time_period");
    const timeIdentifier = cellOf(columns, record, "time_identifier");
    const periodKey = `${timePeriod}${KEY_SEPARATOR}${timeIdentifier}`;
    let period = periods.get(periodKey);
    if (period === undefined) {
      period = parseDfePeriod(timePeriod, timeIdentifier, location);
      periods.set(periodKey, period);
    }
    if (fileKind === undefined) fileKind = { type: period.type, identifier: timeIdentifier, row: record.row };
    else if (period.type !== fileKind.type) {
      throw new InputError(
        { ...location, column: "time_identifier" },
        `time_identifier mixes kinds of period: row ${fileKind.row} has "${fileKind.identifier}"; load each kind from its own file`,
        timeIdentifier,
      );
    }

    const level = cellOf(columns, record, "geographic_level");
    if (READ_LEVELS.has(level)) {
      // Every row must say which area it is, even one no indicator reads.
      checkAreaGiven(columns, record, level as ReadLevel);
      kept.push({ record, level: level as ReadLevel, period, key: [] });
    } else if (SKIPPED_LEVELS.has(level)) {
      skipped.set(level, (skipped.get(level) ?? 0) + 1);
    } else {
      throw new InputError(
        { ...location, column: "geographic_level" },
        `unknown geographic_level: expected one of ${[...READ_LEVELS, ...SKIPPED_LEVELS].join(", ")}`,
        level,
      );
    }
  };
  // A row with a bad period, level or area is reported and left out; reading goes on.
  for (const record of rows) problems.check(() => readRow(record));
  if (skipped.size > 0) {
    const counts = [...skipped].map(([level, count]) => `${level} (${count})`).join(", ");
    warnings.push({
      kind: "skipped-level",
      message: `${columns.file}: rows at levels not loaded were skipped: ${counts}`,
      count: [...skipped.values()].reduce((sum, count) => sum + count, 0),
    });
  }
  return kept;
}

/** A filter's headline value: `Total`, else its one value ending in "total" ("Suitability total"), else none. */
export function totalValueOf(values: Iterable<string>): string | undefined {
  const all = [...values];
  if (all.includes(TOTAL)) return TOTAL;
  const named = all.filter((value) => /(?:^|\s)total$/i.test(value));
  return named.length === 1 ? named[0] : undefined;
}

/** For each filter taking more than one value in the file: its headline value (undefined when it has none). */
function filterTotals(columns: Columns, kept: KeptRow[], filterColumns: string[]): Map<string, string | undefined> {
  const totals = new Map<string, string | undefined>();
  for (const column of filterColumns) {
    const values = new Set(kept.map((row) => cellOf(columns, row.record, column)));
    if (values.size > 1) totals.set(column, totalValueOf(values));
  }
  return totals;
}

/** The breakdown of a row for an indicator whose breakdowns are all the file's filters. */
function breakdownFromFilters(
  columns: Columns,
  record: CsvRecord,
  totals: Map<string, string | undefined>,
): { dimension: string; value: string } {
  const off = [...totals].filter(([column, total]) => cellOf(columns, record, column) !== total);
  if (off.length === 0) return { dimension: "total", value: TOTAL };
  return {
    dimension: off.map(([column]) => column).join(" / "),
    value: off.map(([column]) => cellOf(columns, record, column)).join(" / "),
  };
}

function readIndicator(
  columns: Columns,
  kept: KeptRow[],
  index: RowIndex,
  filterColumns: string[],
  indicator: EesIndicatorMapping,
  warnings: ImportWarning[],
  totals: Map<string, string | undefined>,
  collect: { problems: ProblemCollector; badRows: Set<number> },
): ImportedObservation[] {
  const filters = Object.entries(indicator.filters ?? {}).map(([column, value]) => [column, value.trim()] as const);
  const breakdowns = indicator.breakdowns ?? [];
  const fromFilters = indicator.breakdownsFromFilters === true;
  const handled = new Set([...filters.map(([column]) => column), ...breakdowns.map((b) => b.column)]);
  const otherFilters = filterColumns.filter((column) => !handled.has(column));
  const seen = new Map<string, KeptRow>();
  const observations: ImportedObservation[] = [];
  let crossed = 0;

  const figure = (record: CsvRecord, column: string) =>
    parseObservationValue(cellOf(columns, record, column), { file: columns.file, row: record.row, column });
  const related = (
    row: KeptRow,
    source: EesIndicatorMapping["numerator"],
  ): { value: number | null; record?: CsvRecord; column?: string } => {
    if (source === undefined) return { value: null };
    const record = source.filters ? index.find(row, source.filters) : row.record;
    if (record === undefined || collect.badRows.has(record.row)) return { value: null };
    return { value: figure(record, source.column).value, record, column: source.column };
  };
  const proportion = isPercentage(indicator);

  const readRow = (row: KeptRow): ImportedObservation | "skipped" | "crossed" => {
    const { record } = row;
    for (const [column, value] of filters) if (cellOf(columns, record, column) !== value) return "skipped";

    const broken = breakdowns
      .map((b) => ({ dimension: b.dimension, value: cellOf(columns, record, b.column), total: b.totalValue.trim() }))
      .filter((b) => b.value !== b.total);
    if (broken.length > 1) return "crossed";

    // A sub-category of an unmapped filter is left out when the file also has its Total row: that Total is the figure.
    if (!fromFilters)
      for (const column of otherFilters) {
        if (cellOf(columns, record, column) !== TOTAL && index.find(row, { [column]: TOTAL })) return "skipped";
      }

    const parsed = figure(record, indicator.valueColumn);
    const area = areaOf(columns, record, row.level);
    const breakdown = fromFilters
      ? breakdownFromFilters(columns, record, totals)
      : broken[0]
        ? { dimension: broken[0].dimension, value: broken[0].value }
        : { dimension: "total", value: TOTAL };

    const identity = [areaKey(area), row.period.type, row.period.code, breakdown.dimension, breakdown.value].join(
      KEY_SEPARATOR,
    );
    const earlier = seen.get(identity);
    if (earlier) {
      const differ = index.differingColumns(earlier, row);
      const hint = differ.length
        ? `they differ in ${differ.join(", ")}: add the one that tells them apart to the mapping's filters or breakdowns`
        : "the rows repeat the same time, area and filters";
      throw new InputError(
        { file: columns.file, row: record.row },
        `duplicate of row ${earlier.record.row}: same indicator ${indicator.indicatorCode}, area, period and breakdown; ${hint}`,
      );
    }
    seen.set(identity, row);

    const numerator = related(row, indicator.numerator);
    const denominator = related(row, indicator.denominator);
    if (proportion && numerator.value !== null && denominator.value !== null && numerator.value > denominator.value) {
      const at = numerator.record as CsvRecord;
      const where = denominator.record === at ? "in the same row" : `in row ${(denominator.record as CsvRecord).row}`;
      throw new InputError(
        { file: columns.file, row: at.row, column: numerator.column as string },
        `numerator ${numerator.value} is above its denominator ${denominator.value} (${denominator.column}, ${where}) ` +
          `for ${indicator.indicatorCode}, a percentage: a part cannot be larger than its whole; check both counts`,
        cellOf(columns, at, numerator.column as string),
      );
    }
    return {
      indicatorCode: indicator.indicatorCode,
      area,
      period: row.period,
      breakdown,
      status: parsed.status,
      value: parsed.value,
      numerator: numerator.value,
      denominator: denominator.value,
      isProvisional: false,
      location: { file: columns.file, row: record.row, column: indicator.valueColumn },
    };
  };

  for (const row of kept) {
    // A row whose cells were already refused is not read again; a duplicate or a contradiction is reported and reading goes on.
    if (collect.badRows.has(row.record.row)) continue;
    const result = collect.problems.check(() => readRow(row));
    if (result === "crossed") crossed++;
    else if (result !== undefined && result !== "skipped") observations.push(result);
  }

  if (crossed > 0) {
    warnings.push({
      kind: "crossed-breakdown",
      message: `${indicator.indicatorCode}: ${crossed} rows break down by more than one column at once and were skipped`,
      count: crossed,
    });
  }
  return observations;
}
