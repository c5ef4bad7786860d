import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError, InputErrors } from "../domain/types.ts";
import { type EesFileMapping, type EesIndicatorMapping, importEesFile, isPercentageColumn } from "./ees.ts";
import { dataFile, scratchFolder } from "./test-files.ts";
import type { ImportedObservation, ImportResult } from "./types.ts";

/** Where an LA row's area is read from: a problem with it is located in these columns. */
const LA_COLUMNS = {
  onsCode: "new_la_code",
  dfeCode: "old_la_code",
  name: "la_name",
  regionCode: "region_code",
  regionName: "region_name",
};

const scratch = scratchFolder();
afterAll(() => scratch.cleanUp());

const careLeaversEet19to21: EesIndicatorMapping = {
  indicatorCode: "care-leavers-eet-19-21",
  valueColumn: "care_leaver_percent",
  filters: { care_leaver_age: "19 to 21 years", breakdown: "Total in education, employment or training" },
  numerator: { column: "care_leaver_count" },
  denominator: { column: "care_leaver_count", filters: { breakdown: "Total" } },
};

const permanentExclusionRate: EesIndicatorMapping = {
  indicatorCode: "permanent-exclusion-rate",
  valueColumn: "perm_excl_rate",
  breakdowns: [{ column: "school_type", dimension: "phase", totalValue: "Total" }],
};

const HEADER =
  "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name," +
  "old_la_code,la_name,new_la_code,age,breakdown,count,percent";
const ENGLAND = "National,E92000001,England,,,,,";
const SOUTH_WEST = "Regional,E92000001,England,E12000009,South West,,,";
const DORSET = "Local authority,E92000001,England,E12000009,South West,838,Dorset,E06000059";

/** Rows of the small hand-made files: `period,identifier` then a geography then `age,breakdown,count,percent`. */
const tidy = (...rows: string[]) => `${[HEADER, ...rows].join("\n")}\n`;

const eet: EesIndicatorMapping = {
  indicatorCode: "eet",
  valueColumn: "percent",
  filters: { age: "19 to 21" },
  numerator: { column: "count" },
  denominator: { column: "count", filters: { breakdown: "Total" } },
  breakdowns: [{ column: "breakdown", dimension: "activity", totalValue: "In EET" }],
};

async function importText(name: string, text: string, indicators: EesIndicatorMapping[] = [eet]) {
  return importEesFile(scratch.write(name, text), { indicators });
}

async function refusal(name: string, text: string, indicators: EesIndicatorMapping[] = [eet]): Promise<InputError> {
  const error = await importText(name, text, indicators).catch((caught: unknown) => caught);
  if (error instanceof InputError) return error;
  // Bad values are collected: the first stands for the refusal here.
  if (error instanceof InputErrors && error.problems[0]) return error.problems[0];
  throw new Error(`expected an InputError, got ${JSON.stringify(error)}`);
}

const find = (result: ImportResult, test: (observation: ImportedObservation) => boolean) =>
  result.observations.filter(test);

describe("importEesFile on the real care leavers' activity file", () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importEesFile(dataFile("la_care_leavers_activity.csv"), { indicators: [careLeaversEet19to21] });
  });

  it("counts every data row read", () => {
    expect(result.rowCount).toBe(20040);
    expect(result.warnings).toEqual([]);
  });

  it("reads Dorset at 31 March 2025 with its numerator and denominator", () => {
    const dorset = find(result, (o) => o.area.onsCode === "E06000059" && o.period.code === "2025");
    expect(dorset).toEqual([
      {
        indicatorCode: "care-leavers-eet-19-21",
        area: {
          level: "Local authority",
          onsCode: "E06000059",
          dfeCode: "838",
          name: "Dorset",
          regionCode: "E12000009",
          regionName: "South West",
          columns: LA_COLUMNS,
        },
        period: {
          type: "reporting_year",
          code: "2025",
          label: "31 March 2025",
          startsOn: "2024-04-01",
          endsOn: "2025-03-31",
        },
        breakdown: { dimension: "total", value: "Total" },
        status: "value",
        value: 62,
        numerator: 129,
        denominator: 209,
        isProvisional: false,
        location: { file: "la_care_leavers_activity.csv", row: expect.any(Number), column: "care_leaver_percent" },
      },
    ]);
  });

  it("reads England in 2025 as 54%", () => {
    const england = find(result, (o) => o.area.level === "National" && o.period.code === "2025");
    expect(england).toHaveLength(1);
    expect(england[0]).toMatchObject({ area: { onsCode: "E92000001", name: "England" }, value: 54 });
  });

  it("gives one figure per area and year", () => {
    const regions = find(result, (o) => o.area.level === "Regional");
    expect(result.observations).toHaveLength(1670 / 2);
    expect(new Set(regions.map((o) => o.area.name))).toContain("Inner London");
  });

  it("keeps not-applicable figures as the symbol z, never as 0", () => {
    const notApplicable = find(result, (o) => o.status === "z");
    expect(notApplicable).toHaveLength(19);
    expect(notApplicable.every((o) => o.value === null)).toBe(true);
    expect(notApplicable.filter((o) => o.numerator === 0)).toHaveLength(5);
  });
});

describe("importEesFile on the real exclusions file", () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importEesFile(dataFile("exclusions_by_geographic_level_trimmed.csv"), {
      indicators: [permanentExclusionRate],
    });
  });

  it("reads every level the file mixes", () => {
    const levels = new Set(result.observations.map((o) => o.area.level));
    expect(levels).toEqual(new Set(["National", "Regional", "Local authority", "School"]));
    expect(result.rowCount).toBe(9897);
  });

  it("reads school rows by laestab with their local authority's codes", () => {
    const school = find(result, (o) => o.area.level === "School" && o.area.dfeCode === "8352011");
    expect(school[0]).toMatchObject({
      area: { level: "School", dfeCode: "8352011", laOnsCode: "E10000009", laDfeCode: "835" },
      period: { code: "201516", label: "2015/16" },
      breakdown: { dimension: "phase", value: "State-funded primary" },
      status: "value",
      value: 0,
    });
  });

  it("keeps academies, whose academy type is their own and has no Total row", () => {
    const schools = find(result, (o) => o.area.level === "School");
    expect(schools).toHaveLength(2777);
  });

  it("gives the Total school type as the headline and the others as phase breakdowns", () => {
    const dorset201516 = find(result, (o) => o.area.dfeCode === "835" && o.period.code === "201516");
    expect(dorset201516.map((o) => [o.breakdown.dimension, o.breakdown.value, o.value])).toEqual([
      ["total", "Total", 0.03],
      ["phase", "State-funded primary", 0],
      ["phase", "State-funded secondary", 0.06],
      ["phase", "Special", 0],
    ]);
  });

  it("reads the old symbol . as not available", () => {
    expect(find(result, (o) => o.status === "x").length).toBeGreaterThan(0);
  });
});

describe("importEesFile on small files", () => {
  const dorsetRows = [
    `2025,Reporting year,${DORSET},19 to 21,In EET,129,62`,
    `2025,Reporting year,${DORSET},19 to 21,Not in EET,80,38`,
    `2025,Reporting year,${DORSET},19 to 21,Total,209,100`,
  ];

  it("reads files with and without a byte-order mark alike", async () => {
    const plain = await importText("plain.csv", tidy(...dorsetRows));
    const withBom = await importText("bom.csv", `\ufeff${tidy(...dorsetRows)}`);
    expect(withBom.observations).toEqual(
      plain.observations.map((o) => ({ ...o, location: { ...o.location, file: "bom.csv" } })),
    );
    expect(plain.observations).toHaveLength(3);
  });

  it("reads Windows line endings", async () => {
    const result = await importText("crlf.csv", tidy(...dorsetRows).replace(/\n/g, "\r\n"));
    expect(result.observations.map((o) => o.value)).toEqual([62, 38, 100]);
  });

  it("reads columns in any order", async () => {
    const [, ...rest] = tidy(...dorsetRows)
      .trim()
      .split("\n");
    const reorder = (line: string) => {
      const cells = line.split(",");
      return [...cells.slice(10), ...cells.slice(0, 10)].join(",");
    };
    const text = [reorder(HEADER), ...rest.map(reorder)].join("\n");
    const result = await importText("reordered.csv", text);
    expect(result.observations.map((o) => [o.area.onsCode, o.value])).toEqual([
      ["E06000059", 62],
      ["E06000059", 38],
      ["E06000059", 100],
    ]);
  });

  it("takes the numerator from the row and the denominator from its Total row", async () => {
    const result = await importText("eet.csv", tidy(...dorsetRows));
    expect(result.observations[0]).toMatchObject({
      breakdown: { dimension: "total", value: "Total" },
      value: 62,
      numerator: 129,
      denominator: 209,
      location: { file: "eet.csv", row: 2, column: "percent" },
    });
    expect(result.observations[1]).toMatchObject({
      breakdown: { dimension: "activity", value: "Not in EET" },
      numerator: 80,
      denominator: 209,
    });
  });

  it("leaves the denominator null when its row is missing or suppressed", async () => {
    const missing = await importText("no-total.csv", tidy(dorsetRows[0] as string));
    expect(missing.observations[0]).toMatchObject({ numerator: 129, denominator: null });
    const suppressed = await importText(
      "c-total.csv",
      tidy(dorsetRows[0] as string, `2025,Reporting year,${DORSET},19 to 21,Total,c,c`),
    );
    expect(suppressed.observations[0]).toMatchObject({ numerator: 129, denominator: null });
  });

  it("reads rows only where every filter matches", async () => {
    const result = await importText(
      "ages.csv",
      tidy(`2025,Reporting year,${DORSET},17 to 18,In EET,50,70`, ...dorsetRows),
    );
    expect(result.observations.map((o) => o.value)).toEqual([62, 38, 100]);
  });

  it("reads National, Regional and Local authority rows as their areas", async () => {
    const result = await importText(
      "levels.csv",
      tidy(
        `2025,Reporting year,${ENGLAND},19 to 21,In EET,20760,54`,
        `2025,Reporting year,${SOUTH_WEST},19 to 21,In EET,1500,55`,
        dorsetRows[0] as string,
      ),
    );
    // Each field with the column it was read from, where a problem with the area is located.
    expect(result.observations.map((o) => o.area)).toEqual([
      {
        level: "National",
        onsCode: "E92000001",
        name: "England",
        columns: { onsCode: "country_code", name: "country_name" },
      },
      {
        level: "Regional",
        onsCode: "E12000009",
        name: "South West",
        columns: { onsCode: "region_code", name: "region_name" },
      },
      {
        level: "Local authority",
        onsCode: "E06000059",
        dfeCode: "838",
        name: "Dorset",
        regionCode: "E12000009",
        regionName: "South West",
        columns: LA_COLUMNS,
      },
    ]);
  });

  it("skips other levels with one warning counting each", async () => {
    const lad = "Local authority district,E92000001,England,E12000009,South West,,,";
    const result = await importText(
      "lad.csv",
      tidy(
        dorsetRows[0] as string,
        `2025,Reporting year,${lad},19 to 21,In EET,5,50`,
        `2025,Reporting year,${lad},19 to 21,In EET,6,60`,
        `2025,Reporting year,${lad.replace("Local authority district", "Ward")},19 to 21,In EET,1,10`,
      ),
    );
    expect(result.observations).toHaveLength(1);
    expect(result.rowCount).toBe(4);
    expect(result.warnings).toEqual([
      {
        kind: "skipped-level",
        message: "lad.csv: rows at levels not loaded were skipped: Local authority district (2), Ward (1)",
        count: 3,
      },
    ]);
  });

  it("refuses an unknown geographic level", async () => {
    const error = await refusal(
      "county.csv",
      tidy(
        dorsetRows[0] as string,
        `2025,Reporting year,${DORSET.replace("Local authority", "County")},19 to 21,In EET,1,2`,
      ),
    );
    expect(error.location).toEqual({ file: "county.csv", row: 3, column: "geographic_level" });
    expect(error.reason).toMatch(/^unknown geographic_level: expected one of National, Regional, /);
  });

  it("skips sub-categories of an unmapped filter that has a Total row", async () => {
    const text = [
      `${HEADER},sex`,
      `2025,Reporting year,${DORSET},19 to 21,In EET,129,62,Total`,
      `2025,Reporting year,${DORSET},19 to 21,In EET,60,58,Female`,
      `2025,Reporting year,${DORSET},19 to 21,In EET,69,66,Male`,
    ].join("\n");
    const result = await importText("sex.csv", text);
    expect(result.observations.map((o) => o.value)).toEqual([62]);
    expect(result.warnings).toEqual([]);
  });

  it("reads a text column without a Total row as part of the row's identity, not a reason to skip", async () => {
    const text = [`${HEADER},category`, `2025,Reporting year,${DORSET},19 to 21,In EET,129,62,Children in Need`].join(
      "\n",
    );
    expect((await importText("category.csv", text)).observations).toHaveLength(1);
  });

  it("refuses a missing geographic_level column on row 1", async () => {
    const text = tidy(...dorsetRows).replace("geographic_level", "level");
    const error = await refusal("no-level.csv", text);
    expect(error.location).toEqual({ file: "no-level.csv", row: 1, column: "geographic_level" });
    expect(error.reason).toMatch(/^missing column geographic_level/);
  });

  it("refuses a mapping that names a column the file lacks", async () => {
    const error = await refusal("plain.csv", tidy(...dorsetRows), [{ indicatorCode: "a", valueColumn: "rate" }]);
    expect(error.reason).toBe("missing column rate, which the indicator mapping names");
  });

  it("refuses a row with too few cells", async () => {
    const error = await refusal("short.csv", tidy(dorsetRows[0] as string, "2025,Reporting year,National"));
    expect(error.location).toEqual({ file: "short.csv", row: 3, column: "country_code" });
    expect(error.reason).toMatch(/^row has 3 cells, header has 14: the row ends before column country_code/);
  });

  it.each([
    ["NULL", /not a number or a known symbol/],
    ["12%", /percent sign/],
    ['"1,234"', /thousands separators/],
    ["", /^blank value/],
  ])("refuses the value %s with its row and column", async (value, reason) => {
    const error = await refusal(
      "bad.csv",
      tidy(dorsetRows[0] as string, `2025,Reporting year,${DORSET},19 to 21,Total,209,${value}`),
    );
    expect(error.location).toEqual({ file: "bad.csv", row: 3, column: "percent" });
    expect(error.reason).toMatch(reason);
  });

  it("refuses a bad numerator cell where it is", async () => {
    const error = await refusal("bad-count.csv", tidy(`2025,Reporting year,${DORSET},19 to 21,In EET,N/A,62`));
    expect(error.location).toEqual({ file: "bad-count.csv", row: 2, column: "count" });
  });

  it("refuses the academic year 202420", async () => {
    const error = await refusal("period.csv", tidy(`202420,Academic year,${DORSET},19 to 21,In EET,129,62`));
    expect(error.location).toEqual({ file: "period.csv", row: 2, column: "time_period" });
    expect(error.rawValue).toBe("202420");
  });

  it("refuses a duplicate figure and names both rows and what tells them apart", async () => {
    const text = [
      `${HEADER},sex`,
      ...["Female", "Male"].map((sex) => `2025,Reporting year,${DORSET},19 to 21,In EET,1,2,${sex}`),
    ].join("\n");
    const error = await refusal("duplicate.csv", text);
    expect(error.location).toEqual({ file: "duplicate.csv", row: 3 });
    expect(error.reason).toMatch(
      /^duplicate of row 2: same indicator eet, area, period and breakdown; they differ in sex/,
    );
  });

  it("refuses two rows with the same time, area and filters", async () => {
    const error = await refusal("twice.csv", tidy(dorsetRows[0] as string, dorsetRows[0] as string));
    expect(error.reason).toMatch(/duplicate of row 2: .*the rows repeat the same time, area and filters$/);
  });

  it("refuses a file mixing kinds of period", async () => {
    const error = await refusal(
      "mixed.csv",
      tidy(dorsetRows[0] as string, `202425,Academic year,${DORSET},19 to 21,In EET,129,62`),
    );
    expect(error.location).toEqual({ file: "mixed.csv", row: 3, column: "time_identifier" });
    expect(error.reason).toMatch(/mixes kinds of period: row 2 has "Reporting year"/);
  });

  it("accepts terms of one academic year together", async () => {
    const mapping: EesIndicatorMapping = {
      indicatorCode: "a",
      valueColumn: "percent",
      filters: { breakdown: "In EET" },
    };
    const result = await importText(
      "terms.csv",
      tidy(`202223,Autumn term,${DORSET},19 to 21,In EET,1,2`, `202223,Spring term,${DORSET},19 to 21,In EET,1,3`),
      [mapping],
    );
    expect(result.observations.map((o) => o.period.code)).toEqual(["202223T1", "202223T2"]);
  });

  it("skips rows breaking down by two columns at once with a warning", async () => {
    const mapping: EesIndicatorMapping = {
      indicatorCode: "a",
      valueColumn: "percent",
      breakdowns: [
        { column: "age", dimension: "age", totalValue: "Total" },
        { column: "breakdown", dimension: "activity", totalValue: "Total" },
      ],
    };
    const result = await importText(
      "crossed.csv",
      tidy(
        `2025,Reporting year,${DORSET},Total,Total,1,2`,
        `2025,Reporting year,${DORSET},19 to 21,Total,1,3`,
        `2025,Reporting year,${DORSET},19 to 21,In EET,1,4`,
      ),
      [mapping],
    );
    expect(result.observations.map((o) => o.breakdown)).toEqual([
      { dimension: "total", value: "Total" },
      { dimension: "age", value: "19 to 21" },
    ]);
    expect(result.warnings).toMatchObject([{ kind: "crossed-breakdown", count: 1 }]);
  });

  it("reads several indicators from one file", async () => {
    const mapping: EesFileMapping = {
      indicators: [
        eet,
        { indicatorCode: "count", valueColumn: "count", filters: { age: "19 to 21", breakdown: "Total" } },
      ],
    };
    const result = await importEesFile(scratch.write("two.csv", tidy(...dorsetRows)), mapping);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([
      ["eet", 62],
      ["eet", 38],
      ["eet", 100],
      ["count", 209],
    ]);
  });

  it("passes the figures on in batches as the file streams, holding none, with and without look-ups", async () => {
    const path = scratch.write("batches.csv", tidy(...dorsetRows));
    for (const indicators of [[eet], [{ indicatorCode: "count", valueColumn: "count", breakdownsFromFilters: true }]]) {
      const batches: number[][] = [];
      const whole = await importEesFile(path, { indicators });
      const streamed = await importEesFile(
        path,
        { indicators },
        {
          batchSize: 2,
          onObservations: async (batch) => {
            batches.push(batch.map((o) => o.location.row));
          },
        },
      );
      expect(streamed.observations).toEqual([]);
      expect(streamed.observationCount).toBe(whole.observations.length);
      expect(batches.every((batch) => batch.length <= 2)).toBe(true);
      expect(batches.flat()).toEqual(whole.observations.map((o) => o.location.row));
    }
  });

  it("breaks a new indicator down by each filter taking several values, its Total row the headline", async () => {
    const result = await importText("from-filters.csv", tidy(...dorsetRows), [
      { indicatorCode: "count", valueColumn: "count", breakdownsFromFilters: true },
    ]);
    // age takes one value in the file, so it tells nothing apart; breakdown's Total row is the headline.
    expect(result.observations.map((o) => [o.breakdown.dimension, o.breakdown.value, o.value])).toEqual([
      ["breakdown", "In EET", 129],
      ["breakdown", "Not in EET", 80],
      ["total", "Total", 209],
    ]);
  });

  describe("percentages and proportions", () => {
    const percentEet: EesIndicatorMapping = { ...eet, percentage: true };
    /** The same rows with the value column named as DfE names percentages. */
    const named = (text: string) => text.replace(",count,percent\n", ",count,care_leaver_percent\n");
    const namedEet: EesIndicatorMapping = { ...eet, valueColumn: "care_leaver_percent" };

    it("accepts percentages of exactly 0 and 100, and a numerator equal to its denominator", async () => {
      const result = await importText(
        "edges.csv",
        tidy(
          `2025,Reporting year,${DORSET},19 to 21,In EET,209,100`,
          `2025,Reporting year,${DORSET},19 to 21,Not in EET,0,0`,
          `2025,Reporting year,${DORSET},19 to 21,Total,209,100`,
        ),
        [percentEet],
      );
      expect(result.observations.map((o) => [o.value, o.numerator, o.denominator])).toEqual([
        [100, 209, 209],
        [0, 0, 209],
        [100, 209, 209],
      ]);
    });

    it.each([
      ["100.1", /^percentage 100\.1 is above 100: /],
      ["620", /^percentage 620 is above 100: /],
      ["-2", /^percentage -2 is below 0: /],
    ])("refuses the percentage %s in a column named _percent, where it is", async (value, reason) => {
      const error = await refusal(
        "range.csv",
        named(tidy(dorsetRows[0] as string, `2025,Reporting year,${DORSET},19 to 21,Total,209,${value}`)),
        [namedEet],
      );
      expect(error.location).toEqual({ file: "range.csv", row: 3, column: "care_leaver_percent" });
      expect(error.rawValue).toBe(value);
      expect(error.reason).toMatch(reason);
    });

    it("checks every row of a percentage column, even one no indicator reads", async () => {
      const error = await refusal(
        "other-age.csv",
        named(tidy(`2025,Reporting year,${DORSET},17 to 18,In EET,50,170`, ...dorsetRows)),
        [namedEet],
      );
      expect(error.location).toMatchObject({ row: 2, column: "care_leaver_percent" });
    });

    it("checks a column the mapping declares a percentage whatever its name", async () => {
      const error = await refusal("declared.csv", tidy(`2025,Reporting year,${DORSET},19 to 21,In EET,129,162`), [
        percentEet,
      ]);
      expect(error.location).toEqual({ file: "declared.csv", row: 2, column: "percent" });
    });

    it("leaves rates alone, and a _percent column the mapping says is not a percentage", async () => {
      const rate = await importText(
        "rate.csv",
        tidy(`2025,Reporting year,${DORSET},19 to 21,In EET,129,620`).replace(",percent\n", ",rate_per_10000\n"),
        [{ ...eet, valueColumn: "rate_per_10000" }],
      );
      expect(rate.observations[0]?.value).toBe(620);
      const optedOut = await importText(
        "opted-out.csv",
        named(tidy(`2025,Reporting year,${DORSET},19 to 21,In EET,129,162`)),
        [{ ...namedEet, percentage: false }],
      );
      expect(optedOut.observations[0]?.value).toBe(162);
    });

    it.each([
      ["care_leaver_percent", true],
      ["pupil_pct", true],
      ["attainment_percentage", true],
      ["Overall_Percent", true],
      ["pupil_percent_change", false],
      ["change_percent", false],
      ["fsm_gap_percent", false],
      ["rate_per_10000", false],
      ["perm_excl_rate", false],
      ["percent", false],
    ])("reads the column name %s as a percentage: %s", (name, expected) => {
      expect(isPercentageColumn(name)).toBe(expected);
    });

    it("refuses a numerator above its denominator, at the numerator, naming the denominator's row", async () => {
      const error = await refusal(
        "ratio.csv",
        tidy(
          `2025,Reporting year,${DORSET},19 to 21,In EET,230,62`,
          `2025,Reporting year,${DORSET},19 to 21,Total,209,100`,
        ),
        [percentEet],
      );
      expect(error.location).toEqual({ file: "ratio.csv", row: 2, column: "count" });
      expect(error.rawValue).toBe("230");
      expect(error.reason).toMatch(
        /^numerator 230 is above its denominator 209 \(count, in row 3\) for eet, a percentage: a part cannot be larger/,
      );
    });

    it("compares numerator and denominator only when both are figures", async () => {
      const result = await importText(
        "suppressed.csv",
        tidy(
          `2025,Reporting year,${DORSET},19 to 21,In EET,230,62`,
          `2025,Reporting year,${DORSET},19 to 21,Total,c,c`,
        ),
        [percentEet],
      );
      expect(result.observations[0]).toMatchObject({ numerator: 230, denominator: null });
    });

    it("does not compare the counts of an indicator that is not a percentage", async () => {
      const result = await importText(
        "not-a-share.csv",
        tidy(
          `2025,Reporting year,${DORSET},19 to 21,In EET,230,62`,
          `2025,Reporting year,${DORSET},19 to 21,Total,209,100`,
        ),
      );
      expect(result.observations[0]).toMatchObject({ numerator: 230, denominator: 209 });
    });
  });

  describe("geography columns", () => {
    it("refuses Local authority rows in a file without LA code columns, naming the column", async () => {
      const header = HEADER.replace(",old_la_code,la_name,new_la_code", ",la_name");
      const row = `2025,Reporting year,Local authority,E92000001,England,E12000009,South West,Dorset,19 to 21,In EET,129,62`;
      const error = await refusal("no-la-codes.csv", `${header}\n${row}\n`);
      expect(error.location).toEqual({ file: "no-la-codes.csv", row: 2, column: "new_la_code" });
      expect(error.reason).toBe(
        "Local authority rows need a new_la_code or old_la_code column to say which area they are, and this file has none",
      );
      expect(error.rawValue).toBe("Local authority");
    });

    it("refuses a Regional row whose region code and name are blank", async () => {
      const error = await refusal(
        "blank-region.csv",
        tidy(`2025,Reporting year,Regional,E92000001,England,,,,,,19 to 21,In EET,1500,55`),
      );
      expect(error.location).toEqual({ file: "blank-region.csv", row: 2, column: "region_code" });
      expect(error.reason).toBe(
        "Regional row with region_code or region_name blank: the row must say which area it is",
      );
    });
  });
});
