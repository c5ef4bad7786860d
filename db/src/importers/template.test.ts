import { afterAll, describe, expect, it } from "vitest";
import { InputErrors } from "../domain/types.ts";
import { importTemplateFile } from "./template.ts";
import { scratchFolder } from "./test-files.ts";

const indicators = new Map([
  ["early-help-requests", { periodType: "month" as const, isPercentage: false }],
  ["persistent-absence", { periodType: "academic_year" as const, isPercentage: true }],
]);

describe("importTemplateFile", () => {
  const folder = scratchFolder();
  afterAll(() => folder.cleanUp());

  it("reads the project's long layout: byte-order mark, Windows line ends, any column order, symbols", async () => {
    const path = folder.write(
      "good.csv",
      "\uFEFFarea,indicator,period,value,breakdown,numerator,denominator,status\r\n" +
        "DOR-LOC-PURBECK,early-help-requests,2025-03,41,,,,\r\n" +
        "DOR-LOC-CHESIL,persistent-absence,2024/25,19.5,sex:Girls,195,1000,\r\n" +
        "DOR-LOC-CHESIL,persistent-absence,202425,,,,,c\r\n",
    );
    const { observations, rowCount } = await importTemplateFile(path, indicators, { fileLabel: "good.csv" });
    expect(rowCount).toBe(3);
    expect(observations.map((o) => [o.area.code, o.period.code, o.breakdown.value, o.status, o.value])).toEqual([
      ["DOR-LOC-PURBECK", "2025-03", "Total", "value", 41],
      ["DOR-LOC-CHESIL", "202425", "Girls", "value", 19.5],
      ["DOR-LOC-CHESIL", "202425", "Total", "c", null],
    ]);
    expect(observations[1]?.breakdown.dimension).toBe("sex");
    expect(observations[1]?.numerator).toBe(195);
  });

  it("lists every bad row with its column and reason, and reads nothing from a refused file", async () => {
    const path = folder.write(
      "bad.csv",
      "indicator,area,period,value,numerator,denominator\n" +
        "no-such-indicator,DOR-LOC-PURBECK,2025-03,1,,\n" +
        "early-help-requests,DOR-LOC-PURBECK,March 2025,1,,\n" +
        "persistent-absence,DOR-LOC-PURBECK,202425,112,,\n" +
        "persistent-absence,DOR-LOC-DORCHESTER,202425,12,30,20\n" +
        "early-help-requests,DOR-LOC-PURBECK,2025-04,12%,,\n" +
        "early-help-requests,DOR-LOC-CHESIL,2025-04,5,,\n" +
        "early-help-requests,DOR-LOC-CHESIL,2025-04,6,,\n",
    );
    const refused = await importTemplateFile(path, indicators, { fileLabel: "bad.csv" }).catch((error) => error);
    expect(refused).toBeInstanceOf(InputErrors);
    const problems = (refused as InputErrors).problems.map((error) => [error.location.row, error.location.column]);
    expect(problems).toEqual([
      [2, "indicator"],
      [3, "period"],
      [4, "value"],
      [5, "numerator"],
      [6, "value"],
      [8, "area"],
    ]);
    expect((refused as InputErrors).problems[5]?.message).toContain("the first is on row 7");
  });

  it("names the columns a template must have", async () => {
    const path = folder.write("header.csv", "indicator,area,value\nearly-help-requests,DOR-LOC-PURBECK,3\n");
    await expect(importTemplateFile(path, indicators, { fileLabel: "header.csv" })).rejects.toThrow(
      /needs the columns period/,
    );
  });
});
