import type { Database } from "@plan-outcomes/db";
import { TEMPLATE_COLUMNS } from "@plan-outcomes/db/importers";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { neutraliseFormula } from "../access/audit-export.ts";
import { listAreas } from "../areas/areas.service.ts";
import { getIndicator } from "./indicators.service.ts";

/**
 * The template an analyst fills in for local figures: the indicator's code and every current locality
 * and LAG area, the period and values left for them (a blank value is refused, so nothing is loaded
 * by accident). One set of rows for the CSV and the workbook, so the two always agree.
 */
async function indicatorTemplateRows(db: Database, code: string): Promise<{ code: string; rows: string[][] }> {
  const indicator = await getIndicator(db, code);
  const today = new Date().toISOString().slice(0, 10);
  const current = (area: { validTo: string | null }) => area.validTo === null || area.validTo >= today;
  const areas = [...(await listAreas(db, "locality")), ...(await listAreas(db, "lag_area"))].filter(current);
  const rows = areas.map((area) => [indicator.code, area.code, "", "", "", "", "", ""].map(neutraliseFormula));
  return { code: indicator.code, rows };
}

export async function indicatorTemplateCsv(db: Database, code: string): Promise<{ fileName: string; csv: string }> {
  const template = await indicatorTemplateRows(db, code);
  return {
    fileName: `${template.code}-template.csv`,
    csv: stringify(template.rows, { header: true, columns: [...TEMPLATE_COLUMNS] }),
  };
}

/** Columns an analyst types codes into: kept as text, so Excel never turns 2026-09 into a date or drops a zero. */
const TEXT_COLUMNS = new Set<string>(["indicator", "area", "period", "breakdown", "status"]);

/** The same template as an Excel workbook: one sheet, header in bold and frozen, code columns formatted as text. */
export async function indicatorTemplateXlsx(
  db: Database,
  code: string,
): Promise<{ fileName: string; content: Buffer }> {
  const template = await indicatorTemplateRows(db, code);
  const book = new ExcelJS.Workbook();
  book.creator = "Plan Outcomes";
  const sheet = book.addWorksheet("Template", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((column, index) => ({
    header: column,
    key: column,
    width: Math.max(12, column.length + 4, ...template.rows.map((row) => (row[index]?.length ?? 0) + 2)),
    ...(TEXT_COLUMNS.has(column) ? { style: { numFmt: "@" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  // Blank cells stay empty rather than empty strings: what Excel itself saves for a cell left alone.
  for (const row of template.rows) sheet.addRow(row.map((cell) => (cell === "" ? null : cell)));
  return {
    fileName: `${template.code}-template.xlsx`,
    content: Buffer.from(await book.xlsx.writeBuffer()),
  };
}
