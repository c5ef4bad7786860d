import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { InputError } from "../domain/types.ts";

/** An .xlsx file is a zip archive: it starts with the zip signature "PK\x03\x04". */
export async function isXlsx(path: string): Promise<boolean> {
  const file = await open(path, "r");
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    await file.close();
  }
}

/** A cell as the text a CSV of the sheet would hold: formulas by their result, dates as ISO dates. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * A sheet's row as the cells a CSV saved by Excel would hold: a workbook stores no cell after a row's last
 * value (an analyst leaving numerator, denominator and status blank), so shorter rows are padded to the
 * header's width, and empty cells beyond it (formatted but blank) are dropped. A value beyond the header stays,
 * for the CSV checks to refuse.
 */
export function toSheetRowCells(cells: string[], headerWidth: number | undefined): string[] {
  // A row of blank cells is a blank line, as a row with no cells at all.
  if (cells.every((cell) => cell === "")) return [];
  let end = cells.length;
  while (end > (headerWidth ?? 0) && cells[end - 1] === "") end--;
  const row = cells.slice(0, end);
  while (headerWidth !== undefined && row.length < headerWidth) row.push("");
  return row;
}

interface SheetRow {
  number: number;
  values: ExcelJS.CellValue[] | { [key: string]: ExcelJS.CellValue };
}

/** Writes a sheet's rows as CSV to `csvPath`, keeping the sheet's row numbers (blank rows stay blank lines). */
async function writeSheetCsv(csvPath: string, rows: AsyncIterable<SheetRow> | Iterable<SheetRow>): Promise<void> {
  const output = createWriteStream(csvPath);
  const csv = stringify();
  csv.pipe(output);
  let lastRow = 0;
  let headerWidth: number | undefined;
  for await (const row of rows) {
    for (let gap = lastRow + 1; gap < row.number; gap++) csv.write([]);
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = toSheetRowCells(
      Array.from(values, (value) => cellText(value as ExcelJS.CellValue)),
      headerWidth,
    );
    csv.write(cells);
    if (headerWidth === undefined && cells.length > 0) headerWidth = cells.length;
    lastRow = row.number;
  }
  csv.end();
  await finished(output);
}

/** The sheets of a workbook, in order, for choosing one; `chosen` the one written, if any. */
interface SheetChoice {
  seen: string[];
  chosen: string | undefined;
}

/** Streams the workbook, writing the wanted sheet as CSV; a large workbook never sits whole in memory. */
async function streamSheet(path: string, csvPath: string, sheet: string | undefined): Promise<SheetChoice> {
  const choice: SheetChoice = { seen: [], chosen: undefined };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
  });
  // Every sheet is read to its end, even those not wanted: stopping the reader early leaves its
  // temporary files to be removed under it, which throws later, outside any caller.
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    choice.seen.push(name);
    const wanted = choice.chosen === undefined && (sheet === undefined || name === sheet);
    if (!wanted) {
      for await (const _rows of worksheet) {
        // drained, not read
      }
      continue;
    }
    choice.chosen = name;
    await writeSheetCsv(csvPath, worksheet as AsyncIterable<SheetRow>);
  }
  return choice;
}

/** Reads the whole workbook, then writes the wanted sheet as CSV. */
export async function readSheet(path: string, csvPath: string, sheet: string | undefined): Promise<SheetChoice> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const worksheet = book.worksheets.find((candidate) => sheet === undefined || candidate.name === sheet);
  if (worksheet) {
    const rows: SheetRow[] = [];
    worksheet.eachRow((row) => rows.push({ number: row.number, values: row.values }));
    await writeSheetCsv(csvPath, rows);
  }
  return { seen: book.worksheets.map((one) => one.name), chosen: worksheet?.name };
}

/**
 * ExcelJS's streaming reader meets the sheets before the workbook's own part when that part is stored last (as
 * ExcelJS itself writes workbooks, our templates included) and then fails at random ("Cannot read properties of
 * undefined (reading 'sheets')": exceljs issue 3064). Such a workbook is read whole instead.
 */
export const isStreamingReaderRace = (error: unknown) =>
  error instanceof TypeError && error.message.includes("reading 'sheets'");

/**
 * Writes one sheet of a workbook (the first, or the one named) into a CSV file with the same row
 * numbers, so the CSV readers check it and every problem is located by the sheet's own row.
 */
export async function xlsxSheetToCsv(
  path: string,
  options: { fileLabel: string; sheet?: string },
): Promise<{ csvPath: string; sheetName: string; cleanUp: () => void }> {
  const folder = mkdtempSync(join(tmpdir(), "plan-outcomes-xlsx-"));
  const cleanUp = () => rmSync(folder, { recursive: true, force: true });
  const csvPath = join(folder, "sheet.csv");
  let choice: SheetChoice;
  try {
    choice = await streamSheet(path, csvPath, options.sheet).catch((error: unknown) => {
      if (isStreamingReaderRace(error)) return readSheet(path, csvPath, options.sheet);
      throw error;
    });
  } catch (error) {
    cleanUp();
    if (error instanceof InputError) throw error;
    throw new InputError(
      { file: options.fileLabel, row: 1 },
      `not a workbook Plan Outcomes can read: save it as .xlsx (Excel 2007 or later) or CSV (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (choice.chosen !== undefined) return { csvPath, sheetName: choice.chosen, cleanUp };
  cleanUp();
  throw new InputError(
    { file: options.fileLabel, row: 1 },
    options.sheet === undefined
      ? "the workbook has no sheets"
      : `the workbook has no sheet named "${options.sheet}" (its sheets: ${choice.seen.join(", ")})`,
    options.sheet ?? "",
  );
}
