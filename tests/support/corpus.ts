/**
 * Small valid upload files, modelled on real rows of the public data (DOMAIN.md section 8), and the
 * means to break them one rule at a time. Rows are addressed by their line in the file: the header is
 * row 1, the first data row is row 2, as in an upload's problem report.
 */

export interface Table {
  header: string[];
  rows: string[][];
}

export interface CsvStyle {
  /** Begin with a UTF-8 byte-order mark, as some DfE files do. */
  bom?: boolean;
  /** Line ending; Windows files use "\r\n". */
  eol?: "\n" | "\r\n";
  /** Quote every cell, not only those that need it. */
  quoteAll?: boolean;
}

const needsQuotes = (cell: string) => /[",\r\n]/.test(cell) || cell !== cell.trim();
const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** Writes a table as CSV, quoting cells that need it (or all of them). */
export function renderCsv(table: Table, style: CsvStyle = {}): string {
  const eol = style.eol ?? "\n";
  const line = (cells: string[]) =>
    cells.map((cell) => (style.quoteAll || needsQuotes(cell) ? quote(cell) : cell)).join(",");
  return `${style.bom ? "\ufeff" : ""}${[table.header, ...table.rows].map(line).join(eol)}${eol}`;
}

const copy = (table: Table): Table => ({ header: [...table.header], rows: table.rows.map((row) => [...row]) });

function position(table: Table, column: string): number {
  const at = table.header.indexOf(column);
  if (at === -1) throw new Error(`the template has no column ${column}`);
  return at;
}

function dataIndex(table: Table, fileRow: number): number {
  const index = fileRow - 2;
  if (index < 0 || index >= table.rows.length) throw new Error(`the template has no row ${fileRow}`);
  return index;
}

/** A copy with one cell changed; `fileRow` counts the header as row 1. */
export function withCell(table: Table, fileRow: number, column: string, value: string): Table {
  return withCells(table, fileRow, { [column]: value });
}

/** A copy with several cells of one row changed. */
export function withCells(table: Table, fileRow: number, cells: Record<string, string>): Table {
  const next = copy(table);
  const row = next.rows[dataIndex(next, fileRow)] as string[];
  for (const [column, value] of Object.entries(cells)) row[position(next, column)] = value;
  return next;
}

/** A copy with the same cells changed in every data row. */
export function withEveryRow(table: Table, cells: Record<string, string>): Table {
  const next = copy(table);
  for (const row of next.rows) for (const [column, value] of Object.entries(cells)) row[position(next, column)] = value;
  return next;
}

/** A copy with a column added at the end: `cell` gives its value in each data row (`fileRow` counts the header as 1). */
export function withColumn(table: Table, name: string, cell: (fileRow: number) => string): Table {
  const next = copy(table);
  return { header: [...next.header, name], rows: next.rows.map((row, index) => [...row, cell(index + 2)]) };
}

/** A copy without these columns, in the header and every row. */
export function withoutColumns(table: Table, ...columns: string[]): Table {
  const drop = new Set(columns.map((column) => position(table, column)));
  const keep = (cells: string[]) => cells.filter((_, at) => !drop.has(at));
  return { header: keep(table.header), rows: table.rows.map(keep) };
}

/** A copy with its columns in another order (named ones first, the rest as they were). */
export function withColumnsFirst(table: Table, ...columns: string[]): Table {
  const order = [
    ...columns.map((column) => position(table, column)),
    ...table.header.map((_, at) => at).filter((at) => !columns.includes(table.header[at] as string)),
  ];
  const reorder = (cells: string[]) => order.map((at) => cells[at] as string);
  return { header: reorder(table.header), rows: table.rows.map(reorder) };
}

/** A copy with a copy of `fileRow` appended as the last row. */
export function withRepeatedRow(table: Table, fileRow: number): Table {
  const next = copy(table);
  next.rows.push([...(next.rows[dataIndex(next, fileRow)] as string[])]);
  return next;
}

/** A copy with no data rows. */
export const headerOnly = (table: Table): Table => ({ header: [...table.header], rows: [] });

/** The file row of the last data row. */
export const lastRow = (table: Table) => table.rows.length + 1;

/**
 * Replaces `marker` in CSV text by raw bytes, for files that are not valid UTF-8
 * (e.g. 0xE9, "é" as Windows-1252 writes it).
 */
export function withBytes(text: string, marker: string, bytes: number[]): Buffer {
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`marker ${marker} not found`);
  return Buffer.concat([
    Buffer.from(text.slice(0, at), "utf8"),
    Buffer.from(bytes),
    Buffer.from(text.slice(at + marker.length), "utf8"),
  ]);
}

const CARE_LEAVERS_HEADER = [
  "time_period",
  "time_identifier",
  "geographic_level",
  "country_code",
  "country_name",
  "region_code",
  "region_name",
  "old_la_code",
  "la_name",
  "new_la_code",
  "care_leaver_age",
  "breakdown",
  "care_leaver_count",
  "care_leaver_percent",
];

const ENGLAND = ["National", "E92000001", "England", "", "", "", "", ""];
const SOUTH_WEST = ["Regional", "E92000001", "England", "E12000009", "South West", "", "", ""];
const DORSET = ["Local authority", "E92000001", "England", "E12000009", "South West", "838", "Dorset", "E06000059"];
const EET = "Total in education, employment or training";
const NOT_EET = "Total not in education, employment or training";

/**
 * Care leavers' activity at 31 March 2025, rows as in la_care_leavers_activity.csv (DfE, OGL v3.0):
 *
 * | row | area | age | breakdown |
 * |---|---|---|---|
 * | 2-5 | England | 17-18 Total, 17-18 EET, 19-21 Total, 19-21 EET |
 * | 6-9 | South West | the same |
 * | 10-13 | Dorset (E06000059, 838) | the same |
 * | 14 | Dorset | 19-21 not in EET (no indicator reads it) |
 */
export function careLeaversTemplate(): Table {
  const row = (area: string[], age: string, breakdown: string, count: string, percent: string) => [
    "2025",
    "Reporting year",
    ...area,
    age,
    breakdown,
    count,
    percent,
  ];
  return {
    header: [...CARE_LEAVERS_HEADER],
    rows: [
      row(ENGLAND, "17 to 18 years", "Total", "14800", "100"),
      row(ENGLAND, "17 to 18 years", EET, "9430", "64"),
      row(ENGLAND, "19 to 21 years", "Total", "38440", "100"),
      row(ENGLAND, "19 to 21 years", EET, "20760", "54"),
      row(SOUTH_WEST, "17 to 18 years", "Total", "1240", "100"),
      row(SOUTH_WEST, "17 to 18 years", EET, "860", "69"),
      row(SOUTH_WEST, "19 to 21 years", "Total", "3210", "100"),
      row(SOUTH_WEST, "19 to 21 years", EET, "1800", "56"),
      row(DORSET, "17 to 18 years", "Total", "84", "100"),
      row(DORSET, "17 to 18 years", EET, "67", "80"),
      row(DORSET, "19 to 21 years", "Total", "209", "100"),
      row(DORSET, "19 to 21 years", EET, "129", "62"),
      row(DORSET, "19 to 21 years", NOT_EET, "74", "35"),
    ],
  };
}

/** Named rows of the care leavers' template. */
export const CARE_LEAVERS_ROWS = {
  englandEet19to21: 5,
  southWestEet19to21: 9,
  dorsetTotal17to18: 10,
  dorsetEet17to18: 11,
  dorsetTotal19to21: 12,
  dorsetEet19to21: 13,
  dorsetNotEet19to21: 14,
} as const;

/**
 * Overall absence (TotAbs) as in lait_absence.csv (DfE LAIT, OGL v3.0): Dorset 838, England 970 and
 * the South West 990 for 2023 to 2025 (rows 2-10), then Dorset County 835 in 2016 with its float
 * artefact (row 11) and Dorset's "-" for that year (row 12).
 */
export function laitAbsenceTemplate(): Table {
  const item = "Total absence from School- % half days missed";
  return {
    header: ["Short Desc", "Data item", "Years", "LA and Regions", "Values", "LA Number", "Region"],
    rows: [
      ["TotAbs", item, "2023", "Dorset", "7.68", "838", "South West"],
      ["TotAbs", "", "2023", "England", "7.37", "970", "NA"],
      ["TotAbs", "", "2023", "South West", "7.6", "990", "NA"],
      ["TotAbs", "", "2024", "Dorset", "7.88", "838", "South West"],
      ["TotAbs", "", "2024", "England", "7.15", "970", "NA"],
      ["TotAbs", "", "2024", "South West", "7.59", "990", "NA"],
      ["TotAbs", "", "2025", "Dorset", "7.49", "838", "South West"],
      ["TotAbs", "", "2025", "England", "6.78", "970", "NA"],
      ["TotAbs", "", "2025", "South West", "7.07", "990", "NA"],
      ["TotAbs", item, "2016", "Dorset (Pre LG)", "4.7300000000000004", "835", "South West"],
      ["TotAbs", item, "2016", "Dorset", "-", "838", "South West"],
    ],
  };
}

/** Named rows of the LAIT template. */
export const LAIT_ROWS = {
  dorset2023: 2,
  england2023: 3,
  southWest2023: 4,
  dorset2025: 8,
  dorsetCounty2016: 11,
} as const;
