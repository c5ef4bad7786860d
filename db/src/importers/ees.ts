import { basename } from "node:path";
import { parseDfePeriod, periodKindOf } from "../domain/periods.ts";
import { checkPercentage, kindOfCell, parseObservationValue } from "../domain/symbols.ts";
import { InputError, type Period, type PeriodType, ProblemCollector, type SourceLocation } from "../domain/types.ts";
import { type CsvRecord, readCsvRecords } from "./csv.ts";
import type { AreaField, AreaReference, ImportedObservation, ImportResult, ImportWarning } from "./types.ts";

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

/**
 * Filter columns are the non-geography, non-time columns holding text. Columns the mapping filters or
 * breaks down by count as filters whatever they hold; unmapped indicator columns hold only figures.
 */
function findFilterColumns(
  columns: Columns,
  hasText: (name: string) => boolean,
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
    .filter((name) => mapped.has(name) || hasText(name));
}

/** Values seen in a column that may be a filter: enough to find its total and whether it takes several. */
export interface ColumnValues {
  text: boolean;
  values: Set<string>;
  many: boolean;
}

export type EesColumnValues = Map<string, ColumnValues>;

const DISTINCT_LIMIT = 1000;

const newColumnValues = (): ColumnValues => ({ text: false, values: new Set(), many: false });

function noteValue(seen: ColumnValues, cell: string): void {
  // A figure written the wrong way (12%, NULL) is not text: the column stays an indicator's, the cell is refused.
  if (!seen.text && cell !== "" && kindOfCell(cell) === "text") seen.text = true;
  if (seen.values.has(cell)) return;
  // Past the limit only a possible total is remembered: enough to know the column takes many values.
  if (seen.values.size < DISTINCT_LIMIT || /(?:^|\s)total$/i.test(cell)) seen.values.add(cell);
  else seen.many = true;
}

export interface EesColumnScan {
  name: string;
  /**
   * Every filled cell is a number or a symbol, or one written the wrong way (12%, 1,234, NULL: refused by the
   * check, located): an indicator column. So is a column blank in every row: its blanks are refused as any
   * indicator's are, rather than the column left out unsaid.
   */
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
  /** What the import's first pass would learn of each column: given back to it, that pass is saved. */
  values: EesColumnValues;
}

/** An EesFileScan as JSON, to be stored with the file it describes. */
export interface EesFileScanJson {
  header: string[];
  columns: EesColumnScan[];
  periodType: PeriodType | null;
  values: [string, { text: boolean; many: boolean; values: string[] }][];
}

export function eesScanToJson(scan: EesFileScan): EesFileScanJson {
  return {
    header: scan.header,
    columns: scan.columns,
    periodType: scan.periodType ?? null,
    values: [...scan.values].map(([name, seen]) => [
      name,
      { text: seen.text, many: seen.many, values: [...seen.values] },
    ]),
  };
}

export function eesScanFromJson(json: EesFileScanJson): EesFileScan {
  return {
    header: json.header,
    columns: json.columns,
    periodType: json.periodType ?? undefined,
    values: new Map(json.values.map(([name, seen]) => [name, { ...seen, values: new Set(seen.values) }])),
  };
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
  const state = positions.map(() => ({ text: false, decimalPlaces: 0 }));
  const identifierAt = names.indexOf("time_identifier");
  const levelAt = names.indexOf("geographic_level");
  const values: EesColumnValues = new Map(positions.map(({ name }) => [name, newColumnValues()]));
  let periodType: PeriodType | undefined;
  let first = true;
  try {
    for await (const batch of csv.batches) {
      for (const record of batch) {
        if (first && identifierAt !== -1) periodType = periodKindOf(record.cells[identifierAt] ?? "");
        first = false;
        if (READ_LEVELS.has((record.cells[levelAt] ?? "").trim())) {
          for (const { name, position } of positions) {
            noteValue(values.get(name) as ColumnValues, (record.cells[position] ?? "").trim());
          }
        }
        positions.forEach(({ position }, at) => {
          const column = state[at] as (typeof state)[number];
          if (column.text) return;
          const cell = (record.cells[position] ?? "").trim();
          if (cell === "") return;
          const kind = kindOfCell(cell);
          if (kind === "text") column.text = true;
          else if (kind === "figure") column.decimalPlaces = Math.max(column.decimalPlaces, decimalsOf(cell));
        });
      }
    }
  } finally {
    await csv.batches.return?.();
  }
  return {
    header: csv.header,
    columns: positions.map(({ name }, at) => {
      const column = state[at] as (typeof state)[number];
      return { name, figures: !column.text, decimalPlaces: column.decimalPlaces };
    }),
    periodType,
    values,
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

/** Every cell areaOf reads at each level. */
const AREA_REFERENCE_COLUMNS: Record<ReadLevel, string[]> = {
  National: ["country_code", "country_name"],
  Regional: ["region_code", "region_name"],
  "Local authority": ["new_la_code", "old_la_code", "la_name", "region_code", "region_name"],
  School: [
    "laestab",
    "school_laestab",
    "school_urn",
    "school_name",
    "new_la_code",
    "old_la_code",
    "region_code",
    "region_name",
  ],
};

/** Sets `field` of `area` to the cell of `column`, when the cell is filled. */
function putCell(area: AreaReference, field: AreaField, columns: Columns, record: CsvRecord, column: string): void {
  const value = cellOf(columns, record, column);
  if (value === "") return;
  area[field] = value;
  area.columns ??= {};
  area.columns[field] = column;
}

/** How a row names its area: only the filled cells become fields. Called once a row: no closures, no copies. */
function areaOf(columns: Columns, record: CsvRecord, level: ReadLevel): AreaReference {
  checkAreaGiven(columns, record, level);
  const area: AreaReference = { level };
  switch (level) {
    case "National":
      putCell(area, "onsCode", columns, record, "country_code");
      putCell(area, "name", columns, record, "country_name");
      break;
    case "Regional":
      putCell(area, "onsCode", columns, record, "region_code");
      putCell(area, "name", columns, record, "region_name");
      break;
    case "Local authority":
      putCell(area, "onsCode", columns, record, "new_la_code");
      putCell(area, "dfeCode", columns, record, "old_la_code");
      putCell(area, "name", columns, record, "la_name");
      putCell(area, "regionCode", columns, record, "region_code");
      putCell(area, "regionName", columns, record, "region_name");
      break;
    case "School":
      putCell(area, "dfeCode", columns, record, "laestab");
      if (area.dfeCode === undefined) putCell(area, "dfeCode", columns, record, "school_laestab");
      if (area.dfeCode === undefined) putCell(area, "dfeCode", columns, record, "school_urn");
      putCell(area, "name", columns, record, "school_name");
      putCell(area, "laOnsCode", columns, record, "new_la_code");
      putCell(area, "laDfeCode", columns, record, "old_la_code");
      putCell(area, "regionCode", columns, record, "region_code");
      putCell(area, "regionName", columns, record, "region_name");
      break;
  }
  return area;
}

const areaKey = (area: AreaReference) => [area.level, area.onsCode, area.dfeCode, area.name].join(KEY_SEPARATOR);

interface KeptRow {
  record: CsvRecord;
  level: ReadLevel;
  period: Period;
  /** Time, level, geography and every filter cell: what identifies the row in the file. Read when first needed. */
  key?: string[];
}

/**
 * The rows another row may need to read: Total rows (whose presence leaves a sub-category out) and rows
 * holding a numerator or denominator found by filter overrides. Only these are kept while the file streams.
 */
class LookupIndex {
  private readonly rows = new Map<string, CsvRecord>();
  private readonly repeats = new Map<string, CsvRecord>();

  constructor(
    private readonly file: string,
    private readonly keyPosition: Map<string, number>,
    private readonly keyOf: (record: CsvRecord) => string[],
  ) {}

  /** A row's key, read from its cells once: most rows never need it. */
  keyOfRow(row: KeptRow): string[] {
    row.key ??= this.keyOf(row.record);
    return row.key;
  }

  add(key: string[], record: CsvRecord): void {
    const joined = key.join(KEY_SEPARATOR);
    if (this.rows.has(joined)) this.repeats.set(joined, record);
    else this.rows.set(joined, record);
  }

  /** Names of the key columns (geography and filters) in which two rows differ. */
  differingColumns(a: string[], b: string[]): string[] {
    return [...this.keyPosition].filter(([, position]) => a[position] !== b[position]).map(([name]) => name);
  }

  /** The row that differs from `row` only in the given filter values, if the file has it. */
  find(row: KeptRow, overrides: Record<string, string>): CsvRecord | undefined {
    const key = [...this.keyOfRow(row)];
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

export interface StreamOptions extends ImportOptions {
  /**
   * Receives the figures in batches as the file is read, instead of the result holding them all: a large
   * file never sits whole in memory. Not called once a problem has been found (the import then throws).
   */
  onObservations?: (batch: ImportedObservation[]) => Promise<void>;
  batchSize?: number;
  /** What scanEesFile learnt of the columns, sparing the import a pass over the file. */
  columnValues?: EesColumnValues;
}

/** Streams a file's records to `visit`; rows of the wrong shape go to `problems` and are skipped. */
async function eachRecord(
  path: string,
  file: string,
  problems: ProblemCollector,
  onHeader: (header: string[]) => void,
  visit: (record: CsvRecord) => void | Promise<void>,
): Promise<void> {
  const csv = await readCsvRecords(path, { fileLabel: file, problems });
  try {
    onHeader(csv.header);
    // A batch at a time, and a visit waited for only when it has something to wait for (figures being written):
    // a promise per row cost more than the row's own work.
    for await (const batch of csv.batches) {
      for (const record of batch) {
        const writing = visit(record);
        if (writing) await writing;
      }
    }
  } finally {
    await csv.batches.return?.();
  }
}

/**
 * Imports an Explore Education Statistics tidy file (DOMAIN.md section 8) as observations of mapped
 * indicators. The file is streamed three times and never held: once to tell filters from figures, once
 * to check every row (keeping only the rows others may look up), once to read the figures.
 */
export async function importEesFile(
  path: string,
  mapping: EesFileMapping,
  options: StreamOptions = {},
): Promise<ImportResult> {
  const file = options.fileLabel ?? basename(path);
  // Every problem the format lets reading survive is collected, so one report lists them all.
  const problems = new ProblemCollector();
  /** Rows of the wrong shape are reported by the checking pass; the other passes skip them quietly. */
  const quiet = () => new ProblemCollector();
  let columns: Columns | undefined;
  const setColumns = (header: string[]) => {
    columns ??= indexColumns(header, file, mapping);
  };
  const columnsOf = () => columns as Columns;
  const head = await readCsvRecords(path, { fileLabel: file, problems: quiet() });
  await head.records.return?.();
  setColumns(head.header);

  // Pass 1 (unless a scan of the file gave it): which columns hold text (filters), and which values each takes.
  let seenValues = options.columnValues;
  if (seenValues === undefined) {
    const found: EesColumnValues = new Map();
    await eachRecord(path, file, quiet(), setColumns, (record) => {
      const cols = columnsOf();
      if (found.size === 0) {
        for (const name of cols.index.keys()) {
          if (!(REQUIRED_COLUMNS as readonly string[]).includes(name) && !GEOGRAPHY_COLUMNS.has(name))
            found.set(name, newColumnValues());
        }
      }
      if (!READ_LEVELS.has(cellOf(cols, record, "geographic_level"))) return;
      for (const [name, seen] of found) noteValue(seen, cellOf(cols, record, name));
    });
    seenValues = found;
  }
  const values = seenValues;
  const cols = columnsOf();
  const filterColumns = findFilterColumns(
    cols,
    (name) => values.get(name)?.text === true,
    mapping,
    options.filterColumns,
  );
  const totals = new Map<string, string | undefined>();
  for (const column of filterColumns) {
    const seen = values.get(column);
    if (seen && (seen.many || seen.values.size > 1)) totals.set(column, totalValueOf(seen.values));
  }
  const geographyColumns = cols.header
    .map((name) => name.trim())
    .filter((name, position) => GEOGRAPHY_COLUMNS.has(name) && cols.index.get(name) === position);
  const keyColumns = [...REQUIRED_COLUMNS, ...geographyColumns, ...filterColumns];
  const keyPosition = new Map(keyColumns.map((name, position) => [name, position]));
  const keyOf = (record: CsvRecord) => keyColumns.map((name) => cellOf(cols, record, name));
  const overrides = mapping.indicators.flatMap((indicator) =>
    [indicator.numerator?.filters, indicator.denominator?.filters].filter(
      (filters): filters is Record<string, string> => filters !== undefined,
    ),
  );
  const mayBeLookedUp = (record: CsvRecord) =>
    filterColumns.some((column) => cellOf(cols, record, column) === TOTAL) ||
    overrides.some((override) =>
      Object.entries(override).every(([column, value]) => cellOf(cols, record, column) === value.trim()),
    );

  // Pass 2: every row's period, level, area and figures, checked; the rows others may look up, kept.
  const warnings: ImportWarning[] = [];
  const rowReader = new RowReader(cols);
  const badRows = new Set<number>();
  const valueColumns = new Set(
    mapping.indicators.flatMap((indicator) =>
      [indicator.valueColumn, indicator.numerator?.column, indicator.denominator?.column].filter(
        (column): column is string => column !== undefined,
      ),
    ),
  );
  const percentageColumns = new Set(mapping.indicators.filter(isPercentage).map((indicator) => indicator.valueColumn));
  const index = new LookupIndex(file, keyPosition, keyOf);
  const readers = mapping.indicators.map(
    (indicator) => new IndicatorReader(cols, index, filterColumns, indicator, totals),
  );
  // Small batches: a batch waits while the one before it is written, and a thousand figures die young, where
  // five thousand outlived the young generation and swelled the old one (a 1,000,000-row upload peaked 100 MB higher).
  const batchSize = options.batchSize ?? 1000;
  const kept: ImportedObservation[] = [];
  let batch: ImportedObservation[] = [];
  let observationCount = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    if (!options.onObservations) kept.push(...batch);
    else if (problems.count === 0) await options.onObservations(batch);
    batch = [];
  };
  /** Reads a row's figures into the batch; the promise of writing it when the batch is full. */
  const emit = (row: KeptRow): Promise<void> | undefined => {
    for (const reader of readers) {
      // A duplicate or a contradiction is reported and reading goes on.
      const observation = problems.check(() => reader.read(row, badRows));
      if (observation) {
        batch.push(observation);
        observationCount++;
      }
    }
    return batch.length >= batchSize ? flush() : undefined;
  };
  // Without figures to look up in other rows, the figures are read in the checking pass itself.
  const onePass = overrides.length === 0 && readers.every((reader) => !reader.looksUp);

  let rowCount = 0;
  await eachRecord(
    path,
    file,
    problems,
    () => {},
    (record) => {
      rowCount++;
      // A row with a bad period, level or area is reported and left out; reading goes on.
      const row = problems.check(() => rowReader.read(record));
      if (row === undefined) {
        badRows.add(record.row);
        return;
      }
      if (row === null) return;
      // Every cell of a mapped column must be a number or a symbol, even in rows no indicator selects.
      for (const column of valueColumns) {
        const raw = cellOf(cols, record, column);
        const location = { file, row: record.row, column };
        const ok = problems.check(() => {
          const parsed = parseObservationValue(raw, location);
          if (percentageColumns.has(column)) checkPercentage(parsed.value, raw, location);
          return true;
        });
        if (!ok) badRows.add(record.row);
      }
      if (onePass) return badRows.has(record.row) ? undefined : emit(row);
      if (mayBeLookedUp(record)) index.add(keyOf(record), record);
      return undefined;
    },
  );
  warnings.push(...rowReader.warnings());
  rowReader.counting = false;

  // Pass 3, when rows look others up: the figures, batch by batch.
  if (!onePass) {
    await eachRecord(
      path,
      file,
      quiet(),
      () => {},
      (record) => {
        if (badRows.has(record.row)) return undefined;
        const row = rowReader.read(record);
        return row === null ? undefined : emit(row);
      },
    );
  }
  await flush();

  // The rows a duplicate repeats have gone by: read their keys again, only for the report.
  const duplicates = readers.flatMap((reader) => reader.duplicates);
  if (duplicates.length > 0) {
    const wanted = new Set(duplicates.map((duplicate) => duplicate.earlierRow));
    const keys = new Map<number, string[]>();
    await eachRecord(
      path,
      file,
      quiet(),
      () => {},
      (record) => {
        if (wanted.has(record.row)) keys.set(record.row, keyOf(record));
      },
    );
    for (const duplicate of duplicates) {
      const differ = index.differingColumns(keys.get(duplicate.earlierRow) ?? [], duplicate.key);
      const hint = differ.length
        ? `they differ in ${differ.join(", ")}: add the one that tells them apart to the mapping's filters or breakdowns`
        : "the rows repeat the same time, area and filters";
      problems.add(
        new InputError(
          { file, row: duplicate.row },
          `duplicate of row ${duplicate.earlierRow}: same indicator ${duplicate.indicatorCode}, area, period and breakdown; ${hint}`,
        ),
      );
    }
  }
  for (const reader of readers) warnings.push(...reader.warnings());
  problems.throwIfAny();
  return { observations: kept, warnings, rowCount, observationCount };
}

/** Reads each row's period (one kind per file) and level, and keeps count of the levels skipped. */
class RowReader {
  private readonly periods = new Map<string, Period>();
  private fileKind: { type: PeriodType; identifier: string; row: number } | undefined;
  private readonly skipped = new Map<string, number>();
  /** Skipped rows are counted on the checking pass only. */
  counting = true;

  constructor(private readonly columns: Columns) {}

  /** The row to read, null for a row at a level not read, or an InputError. */
  read(record: CsvRecord): KeptRow | null {
    const columns = this.columns;
    const location: SourceLocation = { file: columns.file, row: record.row };
    const timePeriod = cellOf(columns, record, "time_period");
    const timeIdentifier = cellOf(columns, record, "time_identifier");
    const periodKey = `${timePeriod}${KEY_SEPARATOR}${timeIdentifier}`;
    let period = this.periods.get(periodKey);
    if (period === undefined) {
      period = parseDfePeriod(timePeriod, timeIdentifier, location);
      this.periods.set(periodKey, period);
    }
    if (this.fileKind === undefined) this.fileKind = { type: period.type, identifier: timeIdentifier, row: record.row };
    else if (period.type !== this.fileKind.type) {
      throw new InputError(
        { ...location, column: "time_identifier" },
        `time_identifier mixes kinds of period: row ${this.fileKind.row} has "${this.fileKind.identifier}"; load each kind from its own file`,
        timeIdentifier,
      );
    }

    const level = cellOf(columns, record, "geographic_level");
    if (READ_LEVELS.has(level)) {
      // Every row must say which area it is, even one no indicator reads.
      checkAreaGiven(columns, record, level as ReadLevel);
      return { record, level: level as ReadLevel, period };
    }
    if (SKIPPED_LEVELS.has(level)) {
      if (this.counting) this.skipped.set(level, (this.skipped.get(level) ?? 0) + 1);
      return null;
    }
    throw new InputError(
      { ...location, column: "geographic_level" },
      `unknown geographic_level: expected one of ${[...READ_LEVELS, ...SKIPPED_LEVELS].join(", ")}`,
      level,
    );
  }

  warnings(): ImportWarning[] {
    if (this.skipped.size === 0) return [];
    const counts = [...this.skipped].map(([level, count]) => `${level} (${count})`).join(", ");
    return [
      {
        kind: "skipped-level",
        message: `${this.columns.file}: rows at levels not loaded were skipped: ${counts}`,
        count: [...this.skipped.values()].reduce((sum, count) => sum + count, 0),
      },
    ];
  }
}

/** A filter's headline value: `Total`, else its one value ending in "total" ("Suitability total"), else none. */
export function totalValueOf(values: Iterable<string>): string | undefined {
  const all = [...values];
  if (all.includes(TOTAL)) return TOTAL;
  const named = all.filter((value) => /(?:^|\s)total$/i.test(value));
  return named.length === 1 ? named[0] : undefined;
}

/** The breakdown of a row for an indicator whose breakdowns are all the file's filters. */
function breakdownFromFilters(
  columns: Columns,
  record: CsvRecord,
  totals: readonly (readonly [string, string | undefined])[],
): { dimension: string; value: string } {
  // Most rows are at every total: they allocate nothing here.
  let off: (readonly [string, string | undefined])[] | undefined;
  for (const entry of totals) {
    if (cellOf(columns, record, entry[0]) === entry[1]) continue;
    off ??= [];
    off.push(entry);
  }
  if (off === undefined) return { dimension: "total", value: TOTAL };
  return {
    dimension: off.map(([column]) => column).join(" / "),
    value: off.map(([column]) => cellOf(columns, record, column)).join(" / "),
  };
}

const NONE_BROKEN: readonly { dimension: string; value: string }[] = [];

interface Duplicate {
  indicatorCode: string;
  row: number;
  earlierRow: number;
  key: string[];
}

/** Reads one indicator's figure from each row, remembering only a short identity per figure to find repeats. */
class IndicatorReader {
  readonly duplicates: Duplicate[] = [];
  private readonly filters: (readonly [string, string])[];
  private readonly breakdowns: NonNullable<EesIndicatorMapping["breakdowns"]>;
  private readonly fromFilters: boolean;
  private readonly otherFilters: string[];
  private readonly proportion: boolean;
  private readonly totalEntries: (readonly [string, string | undefined])[];
  /** Identity (area, period, breakdown, each as a small number) to the row that gave it. */
  private readonly seen = new Map<number | string, number>();
  private readonly areaIds = new Map<string, number>();
  private readonly periodIds = new Map<string, number>();
  private readonly breakdownIds = new Map<string, number>();
  /**
   * One object per distinct area reference and breakdown, shared by every figure that has it: a million figures
   * of a few hundred areas hold a few hundred objects, and the loader resolves each object once.
   */
  private readonly areas = new Map<string, { area: AreaReference; id: number }>();
  private readonly breakdownObjects = new Map<string, { breakdown: ImportedObservation["breakdown"]; id: number }>();
  private crossed = 0;

  constructor(
    private readonly columns: Columns,
    private readonly index: LookupIndex,
    filterColumns: string[],
    private readonly indicator: EesIndicatorMapping,
    totals: Map<string, string | undefined>,
  ) {
    this.filters = Object.entries(indicator.filters ?? {}).map(([column, value]) => [column, value.trim()] as const);
    this.breakdowns = indicator.breakdowns ?? [];
    this.fromFilters = indicator.breakdownsFromFilters === true;
    const handled = new Set([...this.filters.map(([column]) => column), ...this.breakdowns.map((b) => b.column)]);
    this.otherFilters = filterColumns.filter((column) => !handled.has(column));
    this.proportion = isPercentage(indicator);
    this.totalEntries = [...totals];
  }

  /** Whether reading a row may need another row (a Total row that makes it a sub-category). */
  get looksUp(): boolean {
    return !this.fromFilters && this.otherFilters.length > 0;
  }

  private figure(record: CsvRecord, column: string) {
    return parseObservationValue(cellOf(this.columns, record, column), {
      file: this.columns.file,
      row: record.row,
      column,
    });
  }

  private related(
    row: KeptRow,
    source: EesIndicatorMapping["numerator"],
    badRows: Set<number>,
  ): { value: number | null; record?: CsvRecord; column?: string } {
    if (source === undefined) return { value: null };
    const record = source.filters ? this.index.find(row, source.filters) : row.record;
    if (record === undefined || badRows.has(record.row)) return { value: null };
    return { value: this.figure(record, source.column).value, record, column: source.column };
  }

  /** The shared copy of an area reference (every field counts), with its identity (level, codes and name). */
  /**
   * The shared reference of a row's area, found by the very cells areaOf reads (so two rows with the same cells
   * share it), with its identity (level, codes and name).
   */
  private sharedArea(record: CsvRecord, level: ReadLevel): { area: AreaReference; id: number } {
    let key: string = level;
    for (const column of AREA_REFERENCE_COLUMNS[level]) key += KEY_SEPARATOR + cellOf(this.columns, record, column);
    let shared = this.areas.get(key);
    if (shared === undefined) {
      const area = areaOf(this.columns, record, level);
      shared = { area, id: this.small(this.areaIds, areaKey(area)) };
      this.areas.set(key, shared);
    }
    return shared;
  }

  private sharedBreakdown(breakdown: ImportedObservation["breakdown"]): {
    breakdown: ImportedObservation["breakdown"];
    id: number;
  } {
    const key = `${breakdown.dimension}${KEY_SEPARATOR}${breakdown.value}`;
    let shared = this.breakdownObjects.get(key);
    if (shared === undefined) {
      shared = { breakdown, id: this.small(this.breakdownIds, key) };
      this.breakdownObjects.set(key, shared);
    }
    return shared;
  }

  private small(ids: Map<string, number>, key: string): number {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  }

  /** The row's figure, undefined when this indicator does not read the row; a problem is thrown. */
  read(row: KeptRow, badRows: Set<number>): ImportedObservation | undefined {
    const { columns, indicator } = this;
    const { record } = row;
    for (const [column, value] of this.filters) if (cellOf(columns, record, column) !== value) return undefined;

    const broken =
      this.breakdowns.length === 0
        ? NONE_BROKEN
        : this.breakdowns
            .map((b) => ({
              dimension: b.dimension,
              value: cellOf(columns, record, b.column),
              total: b.totalValue.trim(),
            }))
            .filter((b) => b.value !== b.total);
    if (broken.length > 1) {
      this.crossed++;
      return undefined;
    }

    // A sub-category of an unmapped filter is left out when the file also has its Total row: that Total is the figure.
    if (!this.fromFilters)
      for (const column of this.otherFilters) {
        if (cellOf(columns, record, column) !== TOTAL && this.index.find(row, { [column]: TOTAL })) return undefined;
      }

    const parsed = this.figure(record, indicator.valueColumn);
    const area = this.sharedArea(record, row.level);
    const breakdown = this.sharedBreakdown(
      this.fromFilters
        ? breakdownFromFilters(columns, record, this.totalEntries)
        : broken[0]
          ? { dimension: broken[0].dimension, value: broken[0].value }
          : { dimension: "total", value: TOTAL },
    );
    const periodId = this.small(this.periodIds, row.period.code);
    // A number while the three fit in 53 bits (always, in practice): a million of them are far smaller than strings.
    const identity =
      area.id < 2 ** 21 && periodId < 2 ** 16 && breakdown.id < 2 ** 16
        ? (area.id * 2 ** 16 + periodId) * 2 ** 16 + breakdown.id
        : `${area.id}:${periodId}:${breakdown.id}`;
    const earlier = this.seen.get(identity);
    if (earlier !== undefined) {
      this.duplicates.push({
        indicatorCode: indicator.indicatorCode,
        row: record.row,
        earlierRow: earlier,
        key: this.index.keyOfRow(row),
      });
      return undefined;
    }
    this.seen.set(identity, record.row);

    const numerator = this.related(row, indicator.numerator, badRows);
    const denominator = this.related(row, indicator.denominator, badRows);
    if (
      this.proportion &&
      numerator.value !== null &&
      denominator.value !== null &&
      numerator.value > denominator.value
    ) {
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
      area: area.area,
      period: row.period,
      breakdown: breakdown.breakdown,
      status: parsed.status,
      value: parsed.value,
      numerator: numerator.value,
      denominator: denominator.value,
      isProvisional: false,
      location: { file: columns.file, row: record.row, column: indicator.valueColumn },
    };
  }

  warnings(): ImportWarning[] {
    if (this.crossed === 0) return [];
    return [
      {
        kind: "crossed-breakdown",
        message: `${this.indicator.indicatorCode}: ${this.crossed} rows break down by more than one column at once and were skipped`,
        count: this.crossed,
      },
    ];
  }
}
