import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError, InputErrors } from "../domain/types.ts";
import { importLaitFile, type LaitMeasureMapping } from "./lait.ts";
import { dataFile, scratchFolder } from "./test-files.ts";
import type { ImportedObservation, ImportResult } from "./types.ts";

const scratch = scratchFolder();
afterAll(() => scratch.cleanUp());

const overallAbsence: LaitMeasureMapping = {
  shortDesc: "TotAbs",
  indicatorCode: "overall-absence",
  yearType: "academic_year",
};

const find = (result: ImportResult, test: (observation: ImportedObservation) => boolean) =>
  result.observations.filter(test);
const one = (result: ImportResult, dfeCodeOrName: string, periodCode: string) => {
  const found = find(
    result,
    (o) => (o.area.dfeCode === dfeCodeOrName || o.area.name === dfeCodeOrName) && o.period.code === periodCode,
  );
  expect(found).toHaveLength(1);
  return found[0] as ImportedObservation;
};

const HEADER = "Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region";
const lait = (...rows: string[]) => `${[HEADER, ...rows].join("\n")}\n`;
const measure: LaitMeasureMapping = { shortDesc: "Rate", indicatorCode: "rate", yearType: "academic_year" };

async function refusal(name: string, text: string): Promise<InputError> {
  const error = await importLaitFile(scratch.write(name, text), [measure]).catch((caught: unknown) => caught);
  if (error instanceof InputError) return error;
  // Bad values are collected: the first stands for the refusal here.
  if (error instanceof InputErrors && error.problems[0]) return error.problems[0];
  throw new Error(`expected an InputError, got ${String(error)}`);
}

describe("importLaitFile on the real absence file", () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importLaitFile(dataFile("lait_absence.csv"), [overallAbsence]);
  });

  it("reads Dorset's 2021/22 overall absence from the label 2022", () => {
    expect(one(result, "838", "202122")).toEqual({
      indicatorCode: "overall-absence",
      area: {
        level: "Local authority",
        dfeCode: "838",
        name: "Dorset",
        regionName: "South West",
        columns: { dfeCode: "LA Number", name: "LA and Regions", regionName: "Region" },
      },
      period: { type: "academic_year", code: "202122", label: "2021/22", startsOn: "2021-09-01", endsOn: "2022-08-31" },
      breakdown: { dimension: "total", value: "Total" },
      status: "value",
      value: 8.2,
      numerator: null,
      denominator: null,
      isProvisional: false,
      location: { file: "lait_absence.csv", row: expect.any(Number), column: "Values" },
    });
  });

  it("reads England 2024/25 as a national figure", () => {
    expect(one(result, "England", "202425")).toMatchObject({
      area: { level: "National", name: "England" },
      value: 6.78,
    });
  });

  it("reads the regions by name", () => {
    expect(one(result, "South West", "202425").area).toEqual({
      level: "Regional",
      name: "South West",
      columns: { name: "LA and Regions" },
    });
    expect(one(result, "London (Inner)", "202425").area.level).toBe("Regional");
  });

  it("keeps the pre-2019 Dorset County Council (835) apart and removes the float artefact", () => {
    expect(one(result, "835", "201516")).toMatchObject({ area: { name: "Dorset (Pre LG)" }, value: 4.73 });
  });

  it("reads - as not available", () => {
    expect(one(result, "838", "201516")).toMatchObject({ status: "x", value: null });
  });

  it("reports the unmapped measures in one warning", () => {
    expect(result.rowCount).toBe(25500);
    expect(result.observations).toHaveLength(1700);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ kind: "unmapped-measure", count: 23800 });
    expect(result.warnings[0]?.message).toMatch(/PriTotAbs, SFPriPerAbNew, /);
  });
});

describe("importLaitFile on other real files", () => {
  it("skips the rows labelled 0 with an irregular-period warning", async () => {
    const result = await importLaitFile(dataFile("lait_cin_child_protection.csv"), [
      { shortDesc: "CINPermExclusion", indicatorCode: "cin-permanent-exclusion", yearType: "academic_year" },
    ]);
    const warning = result.warnings.find((w) => w.kind === "irregular-period");
    expect(warning).toMatchObject({
      count: 170,
      location: { file: "lait_cin_child_protection.csv", column: "Years" },
    });
    expect(warning?.message).toMatch(/CINPermExclusion/);
    expect(result.observations.some((o) => o.period.code === "0")).toBe(false);
  });

  it("marks the 2025 (prov) figures provisional", async () => {
    const result = await importLaitFile(dataFile("lait_attainment.csv"), [
      { shortDesc: "KS1P_all", indicatorCode: "ks1", yearType: "academic_year" },
    ]);
    const latest = find(result, (o) => o.period.code === "202425");
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.every((o) => o.isProvisional)).toBe(true);
    expect(find(result, (o) => o.period.code === "202324").every((o) => !o.isProvisional)).toBe(true);
  });

  it("reads outturn labels as financial years", async () => {
    const result = await importLaitFile(dataFile("lait_context_fsm_health_earlyhelp_neet.csv"), [
      { shortDesc: "SureStartFinance", indicatorCode: "sure-start-spend", yearType: "financial_year" },
    ]);
    expect(one(result, "England", "201617").period).toMatchObject({ type: "financial_year", label: "2016-17" });
  });

  it("reads explicit academic year labels", async () => {
    const result = await importLaitFile(dataFile("lait_exclusions.csv"), [
      { shortDesc: "TotPermEx", indicatorCode: "permanent-exclusion-rate", yearType: "academic_year" },
    ]);
    expect(one(result, "838", "202122").value).toBe(0.04954);
    expect(one(result, "838", "202223").value).toBe(0.11801);
    // This file gives TotPermEx per 100 pupils throughout (4.954E-2, not 4.954): no unit break to report.
    expect(result.warnings.filter((w) => w.kind === "series-break")).toEqual([]);
  });
});

describe("importLaitFile on small files", () => {
  it("warns once per measure about jumps of more than 20-fold, with the count and first location", async () => {
    const text = lait(
      "Rate,Rate per 10000,2016/17,Dorset,5.2,838,South West",
      "Rate,,2017/18,Dorset,4.954,838,South West",
      "Rate,,2018/19,Dorset,0.118,838,South West",
      "Rate,,2016/17,Devon,6,878,South West",
      "Rate,,2017/18,Devon,x,878,South West",
      "Rate,,2018/19,Devon,0.2,878,South West",
      "Rate,,2016/17,Somerset,0,933,South West",
      "Rate,,2017/18,Somerset,3,933,South West",
    );
    const result = await importLaitFile(scratch.write("break.csv", text), [measure]);
    expect(result.warnings).toEqual([
      {
        kind: "series-break",
        message: expect.stringMatching(
          /^Rate \(rate\): 2 jumps of more than 20-fold .* Dorset 2017\/18 4\.954 to Dorset 2018\/19 0\.118/,
        ),
        count: 2,
        location: { file: "break.csv", row: 4, column: "Values" },
      },
    ]);
  });

  it("does not count a change of sign as a break", async () => {
    const text = lait("Rate,,2016/17,Dorset,-0.05,838,South West", "Rate,,2017/18,Dorset,1.5,838,South West");
    expect((await importLaitFile(scratch.write("sign.csv", text), [measure])).warnings).toEqual([]);
  });

  it("reads a file with a byte-order mark and Windows line endings", async () => {
    const text = `\ufeff${lait("Rate,,2016/17,Dorset,5.2,838,South West")}`.replace(/\n/g, "\r\n");
    const result = await importLaitFile(scratch.write("bom.csv", text), [measure]);
    expect(result.observations.map((o) => o.value)).toEqual([5.2]);
  });

  it("refuses a value that is not a number or symbol, with row and column", async () => {
    const error = await refusal(
      "null.csv",
      lait("Rate,,2016/17,Dorset,5,838,South West", "Rate,,2017/18,Dorset,NULL,838,South West"),
    );
    expect(error.location).toEqual({ file: "null.csv", row: 3, column: "Values" });
  });

  it("refuses an unknown year label", async () => {
    const error = await refusal("year.csv", lait("Rate,,2016-2017,Dorset,5,838,South West"));
    expect(error.location).toEqual({ file: "year.csv", row: 2, column: "Years" });
    expect(error.reason).toMatch(/^LAIT year label not recognised/);
  });

  it("refuses a duplicate figure naming both rows", async () => {
    const error = await refusal(
      "duplicate.csv",
      lait("Rate,,2016/17,Dorset,5,838,South West", "Rate,,2016/17,Dorset,6,838,South West"),
    );
    expect(error.location.row).toBe(3);
    expect(error.reason).toBe("duplicate of row 2: same measure Rate, area Dorset and year 2016/17");
  });

  it("refuses a file without its Values column", async () => {
    const error = await refusal("columns.csv", "Short Desc,Years,LA and Regions,LA Number,Region\n");
    expect(error.location).toEqual({ file: "columns.csv", row: 1, column: "Values" });
  });

  it("refuses a row with too few cells", async () => {
    const error = await refusal("short.csv", lait("Rate,,2016/17,Dorset,5,838"));
    expect(error.location).toEqual({ file: "short.csv", row: 2, column: "Region" });
    expect(error.reason).toMatch(/^row has 6 cells, header has 7: the row ends before column Region/);
  });

  it("refuses a local authority row without a number", async () => {
    const error = await refusal("number.csv", lait("Rate,,2016/17,Dorset,5,,South West"));
    expect(error.location).toEqual({ file: "number.csv", row: 2, column: "LA Number" });
  });

  it("refuses a percentage measure's value outside 0 to 100 when the mapping says it is a percentage", async () => {
    const percent: LaitMeasureMapping = { ...measure, percentage: true };
    const text = lait(
      "Rate,,2016/17,Dorset,100,838,South West",
      "Rate,,2017/18,Dorset,473.00000000000006,838,South West",
    );
    const error = await importLaitFile(scratch.write("percent.csv", text), [percent]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputErrors);
    expect((error as InputErrors).problems[0]).toMatchObject({
      location: { file: "percent.csv", row: 3, column: "Values" },
      rawValue: "473.00000000000006",
      reason: expect.stringMatching(/^percentage 473 is above 100: /),
    });
  });

  it("leaves values over 100 alone in a measure not mapped as a percentage (a rate per 10,000)", async () => {
    const text = lait("Rate,,2016/17,Dorset,473,838,South West");
    expect((await importLaitFile(scratch.write("rate.csv", text), [measure])).observations[0]?.value).toBe(473);
  });

  it("refuses a file with a header but no rows", async () => {
    const error = await refusal("header-only.csv", lait());
    expect(error.location).toEqual({ file: "header-only.csv", row: 2 });
    expect(error.reason).toMatch(/^the file has a header row but no data rows/);
  });
});

describe("importLaitFile with several bad values", () => {
  it("lists every bad value, not just the first", async () => {
    const rows = ["NULL", "12%", "4.5", "n/a"].map(
      (value, index) => `Rate,,${2016 + index},Dorset,${value},838,South West`,
    );
    const text = ["Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region", ...rows].join("\n");
    const error = await importLaitFile(scratch.write("several.csv", text), [measure]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputErrors);
    const { problems, total } = error as InputErrors;
    expect(total).toBe(3);
    expect(problems.map((problem) => [problem.location.row, problem.rawValue])).toEqual([
      [2, "NULL"],
      [3, "12%"],
      [5, "n/a"],
    ]);
  });
});
