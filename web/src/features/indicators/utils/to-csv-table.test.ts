import { describe, expect, it } from "vitest";
import { toCsv } from "../../../lib/csv.ts";
import { careLeaverObservations, observation, YEAR_2024 } from "./test-observations.ts";
import { toCsvTable } from "./to-csv-table.ts";
import { toTableRows } from "./to-table-rows.ts";

const unit = { unit: "%", decimalPlaces: 0 };
const rows = toTableRows(careLeaverObservations, unit, ["E06000059", "E92000001"]);
const all = { interval: true, status: true, notes: true };
const noInterval = { interval: false, status: true, notes: true };

describe("toCsvTable", () => {
  it("has the table's columns, the interval as two numbers", () => {
    expect(toCsvTable(rows, unit, { columns: all, benchmarkName: "England" }).header).toEqual([
      "Period",
      "Area",
      "Area code",
      "Value (%)",
      "Lower 95% limit",
      "Upper 95% limit",
      "Status",
      "Compared with England",
      "Flags",
      "Note",
    ]);
  });

  it("writes values as numbers rounded as shown", () => {
    expect(toCsvTable(rows, unit, { columns: all, benchmarkName: "England" }).rows[0]).toEqual([
      "31 March 2025",
      "Dorset",
      "E06000059",
      62,
      54.98,
      68.04,
      null,
      "Better than England",
      "",
      "",
    ]);
  });

  it("keeps the symbol for a suppressed value, never 0", () => {
    const csv = toCsvTable(rows, unit, { columns: noInterval, benchmarkName: "England" });
    expect(csv.rows[4]).toEqual([
      "31 March 2023",
      "Dorset",
      "E06000059",
      "c",
      "c: Suppressed (confidential)",
      "Not compared",
      "",
      "",
    ]);
  });

  it("names the benchmark row and lists flags", () => {
    const csv = toCsvTable(rows, unit, { columns: noInterval, benchmarkName: "England" });
    expect(csv.rows[1]?.[5]).toBe("Benchmark");
    expect(csv.rows[2]?.[6]).toBe("Provisional");
  });

  it("leaves out the optional columns the table leaves out", () => {
    const csv = toCsvTable(rows, unit, {
      columns: { interval: false, status: false, notes: false },
      benchmarkName: "England",
    });
    expect(csv.header).toEqual(["Period", "Area", "Area code", "Value (%)", "Compared with England"]);
    expect(csv.rows[0]).toEqual(["31 March 2025", "Dorset", "E06000059", 62, "Better than England"]);
  });

  it("neutralises notes a spreadsheet would run as formulas", () => {
    const hostile = toTableRows([observation("E06000059", "Dorset", YEAR_2024, { value: 1, note: "=1+1" })], unit);
    const csv = toCsvTable(hostile, unit, { columns: noInterval, benchmarkName: "England" });
    expect(toCsv(csv.header, csv.rows).split("\r\n")[1]).toBe("31 March 2024,Dorset,E06000059,1,,Not compared,,'=1+1");
  });
});
