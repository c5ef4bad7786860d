import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { scratchFolder } from "./test-files.ts";
import { isStreamingReaderRace, isXlsx, readSheet, toSheetRowCells, xlsxSheetToCsv } from "./xlsx.ts";

describe("xlsxSheetToCsv", () => {
  const folder = scratchFolder();
  afterAll(() => folder.cleanUp());

  async function workbook(name: string): Promise<string> {
    const book = new ExcelJS.Workbook();
    const notes = book.addWorksheet("Notes");
    notes.addRow(["Read me first"]);
    const data = book.addWorksheet("Figures");
    data.addRow(["indicator", "area", "period", "value"]);
    data.addRow(["early-help-requests", "DOR-LOC-PURBECK", "2026-09", 41]);
    data.addRow([]);
    data.addRow(["early-help-requests", "DOR-LOC-CHESIL", "2026-09", { formula: "40+17", result: 57 }]);
    data.addRow(["early-help-requests", 'DOR-LOC-DORCHESTER, "north"', "2026-09", "x"]);
    const path = folder.write(name, "");
    await book.xlsx.writeFile(path);
    return path;
  }

  it("tells a workbook from a CSV by its first bytes", async () => {
    expect(await isXlsx(await workbook("a.xlsx"))).toBe(true);
    expect(await isXlsx(folder.write("a.csv", "indicator,area\n"))).toBe(false);
  });

  it("writes the chosen sheet as CSV with the sheet's row numbers, formulas as their results", async () => {
    const sheet = await xlsxSheetToCsv(await workbook("b.xlsx"), { fileLabel: "b.xlsx", sheet: "Figures" });
    try {
      expect(sheet.sheetName).toBe("Figures");
      expect(readFileSync(sheet.csvPath, "utf8").split("\n")).toEqual([
        "indicator,area,period,value",
        "early-help-requests,DOR-LOC-PURBECK,2026-09,41",
        "",
        "early-help-requests,DOR-LOC-CHESIL,2026-09,57",
        'early-help-requests,"DOR-LOC-DORCHESTER, ""north""",2026-09,x',
        "",
      ]);
    } finally {
      sheet.cleanUp();
    }
  });

  it("reads a workbook whole, where ExcelJS's streaming reader trips on it, into the same CSV", async () => {
    expect(isStreamingReaderRace(new TypeError("Cannot read properties of undefined (reading 'sheets')"))).toBe(true);
    expect(isStreamingReaderRace(new Error("invalid signature"))).toBe(false);
    const path = await workbook("whole.xlsx");
    const streamed = await xlsxSheetToCsv(path, { fileLabel: "whole.xlsx", sheet: "Figures" });
    const whole = folder.write("whole.csv", "");
    try {
      expect(await readSheet(path, whole, "Figures")).toEqual({ seen: ["Notes", "Figures"], chosen: "Figures" });
      expect(readFileSync(whole, "utf8")).toBe(readFileSync(streamed.csvPath, "utf8"));
      expect(await readSheet(path, whole, "Data")).toEqual({ seen: ["Notes", "Figures"], chosen: undefined });
    } finally {
      streamed.cleanUp();
    }
  });

  it("reads the first sheet by default, and names the sheets when the chosen one is missing", async () => {
    const path = await workbook("c.xlsx");
    const first = await xlsxSheetToCsv(path, { fileLabel: "c.xlsx" });
    expect(first.sheetName).toBe("Notes");
    first.cleanUp();
    await expect(xlsxSheetToCsv(path, { fileLabel: "c.xlsx", sheet: "Data" })).rejects.toThrow(
      /no sheet named "Data" \(its sheets: Notes, Figures\)/,
    );
  });

  it("pads a row whose last cells were left blank to the header's width, as Excel's own CSV would", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Template");
    sheet.addRow(["indicator", "area", "period", "value", "status"]);
    sheet.addRow(["early-help-requests", "DOR-LOC-PURBECK", "2026-09", 41]);
    const path = folder.write("short-rows.xlsx", "");
    await book.xlsx.writeFile(path);
    const csv = await xlsxSheetToCsv(path, { fileLabel: "short-rows.xlsx" });
    try {
      expect(readFileSync(csv.csvPath, "utf8").split("\n")[1]).toBe("early-help-requests,DOR-LOC-PURBECK,2026-09,41,");
    } finally {
      csv.cleanUp();
    }
  });

  it("drops blank cells beyond the header but keeps a value there, for the checks to refuse", () => {
    expect(toSheetRowCells(["a", "b", "", ""], undefined)).toEqual(["a", "b"]);
    expect(toSheetRowCells(["1", "", "", ""], 2)).toEqual(["1", ""]);
    expect(toSheetRowCells(["1", "2", "", "3", ""], 2)).toEqual(["1", "2", "", "3"]);
    expect(toSheetRowCells(["", ""], 3)).toEqual([]);
  });

  it("refuses a file that only looks like a workbook", async () => {
    const path = folder.write("fake.xlsx", "PK\u0003\u0004 not really a zip");
    await expect(xlsxSheetToCsv(path, { fileLabel: "fake.xlsx" })).rejects.toThrow(/not a workbook/);
  });
});
