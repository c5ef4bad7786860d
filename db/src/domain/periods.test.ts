import { describe, expect, it } from "vitest";
import { parseDfePeriod, parseLaitYear, periodFromCode, periodKindOf } from "./periods.ts";
import { InputError } from "./types.ts";

const at = { file: "test.csv", row: 4 };

function refusal(read: () => unknown): InputError {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("accepted");
}

describe("parseDfePeriod", () => {
  it("reads an academic year", () => {
    expect(parseDfePeriod("202223", "Academic year", at)).toEqual({
      type: "academic_year",
      code: "202223",
      label: "2022/23",
      startsOn: "2022-09-01",
      endsOn: "2023-08-31",
    });
  });

  it("reads an academic year across a century", () => {
    expect(parseDfePeriod("199900", "Academic year", at)).toMatchObject({ code: "199900", label: "1999/00" });
  });

  it("reads a financial year", () => {
    expect(parseDfePeriod("202324", "Financial year", at)).toEqual({
      type: "financial_year",
      code: "202324",
      label: "2023-24",
      startsOn: "2023-04-01",
      endsOn: "2024-03-31",
    });
  });

  it("reads a calendar year", () => {
    expect(parseDfePeriod("2023", "Calendar year", at)).toEqual({
      type: "calendar_year",
      code: "2023",
      label: "2023",
      startsOn: "2023-01-01",
      endsOn: "2023-12-31",
    });
  });

  it("reads a reporting year as the year to 31 March", () => {
    expect(parseDfePeriod("2025", "Reporting year", at)).toEqual({
      type: "reporting_year",
      code: "2025",
      label: "31 March 2025",
      startsOn: "2024-04-01",
      endsOn: "2025-03-31",
    });
  });

  it.each([
    ["Autumn term", "202223T1", "Autumn term 2022/23", "2022-09-01", "2022-12-31"],
    ["Spring term", "202223T2", "Spring term 2022/23", "2023-01-01", "2023-03-31"],
    ["Summer term", "202223T3", "Summer term 2022/23", "2023-04-01", "2023-08-31"],
    ["Autumn and spring term", "202223T1T2", "Autumn and spring term 2022/23", "2022-09-01", "2023-03-31"],
  ])("reads the %s of an academic year", (identifier, code, label, startsOn, endsOn) => {
    expect(parseDfePeriod("202223", identifier, at)).toEqual({ type: "term", code, label, startsOn, endsOn });
  });

  it.each([
    ["Q1", "2024Q1", "Jan to Mar 2024", "2024-01-01", "2024-03-31"],
    ["Q2", "2024Q2", "Apr to Jun 2024", "2024-04-01", "2024-06-30"],
    ["Q3", "2024Q3", "Jul to Sep 2024", "2024-07-01", "2024-09-30"],
    ["Q4", "2024Q4", "Oct to Dec 2024", "2024-10-01", "2024-12-31"],
  ])("reads calendar quarter %s", (identifier, code, label, startsOn, endsOn) => {
    expect(parseDfePeriod("2024", identifier, at)).toEqual({ type: "quarter", code, label, startsOn, endsOn });
  });

  it("reads a month", () => {
    expect(parseDfePeriod("2024", "January", at)).toEqual({
      type: "month",
      code: "2024-01",
      label: "January 2024",
      startsOn: "2024-01-01",
      endsOn: "2024-01-31",
    });
  });

  it("ends February on the 29th in a leap year", () => {
    expect(parseDfePeriod("2024", "February", at).endsOn).toBe("2024-02-29");
    expect(parseDfePeriod("2023", "February", at).endsOn).toBe("2023-02-28");
  });

  it("reads December", () => {
    expect(parseDfePeriod("2023", "December", at)).toMatchObject({ code: "2023-12", label: "December 2023" });
  });

  it("reads ISO weeks, whose first week may start in the year before", () => {
    expect(parseDfePeriod("2024", "Week 1", at)).toEqual({
      type: "week",
      code: "2024-W01",
      label: "Week 1 2024",
      startsOn: "2024-01-01",
      endsOn: "2024-01-07",
    });
    expect(parseDfePeriod("2021", "Week 1", at)).toMatchObject({ startsOn: "2021-01-04", endsOn: "2021-01-10" });
    expect(parseDfePeriod("2026", "Week 1", at)).toMatchObject({ startsOn: "2025-12-29", endsOn: "2026-01-04" });
  });

  it("reads week 53 only in a year that has one", () => {
    expect(parseDfePeriod("2020", "Week 53", at)).toMatchObject({ code: "2020-W53", startsOn: "2020-12-28" });
    expect(refusal(() => parseDfePeriod("2024", "Week 53", at)).reason).toBe(
      "2024 has no ISO week 53: it has 52 weeks",
    );
  });

  it("tolerates spaces and case in the identifier", () => {
    expect(parseDfePeriod(" 202223 ", " academic  Year ", at).code).toBe("202223");
  });

  it("refuses 202420: the second half must be the year after the first", () => {
    const error = refusal(() => parseDfePeriod("202420", "Academic year", at));
    expect(error.reason).toMatch(/last two digits are the year after 2024 \(202425\)/);
    expect(error.location).toEqual({ ...at, column: "time_period" });
    expect(error.rawValue).toBe("202420");
  });

  it.each([
    ["20222", "Academic year"],
    ["2022-23", "Academic year"],
    ["2022", "Financial year"],
    ["20232024", "Financial year"],
    ["2O2223", "Academic year"],
  ])("refuses %s as a %s and names the six-digit form", (period, identifier) => {
    expect(refusal(() => parseDfePeriod(period, identifier, at)).reason).toMatch(/needs a six-digit time_period/);
  });

  it.each([
    ["202223", "Reporting year"],
    ["25", "Calendar year"],
    ["2024Q1", "Q1"],
    ["", "January"],
  ])("refuses %s with %s and names the four-digit form", (period, identifier) => {
    expect(refusal(() => parseDfePeriod(period, identifier, at)).reason).toMatch(/needs a four-digit year/);
  });

  it.each([
    ["2205", "Reporting year"],
    ["0000", "Calendar year"],
    ["189900", "Academic year"],
    ["210001", "Financial year"],
    ["3024", "Q2"],
  ])("refuses the implausible year %s (%s) as a typing error", (period, identifier) => {
    const error = refusal(() => parseDfePeriod(period, identifier, at));
    expect(error.reason).toMatch(/is not a plausible year for these statistics \(expected 1900 to 2099\)/);
    expect(error.location).toEqual({ ...at, column: "time_period" });
    expect(error.rawValue).toBe(period);
  });

  it("reads the first and last plausible years", () => {
    expect(parseDfePeriod("1900", "Calendar year", at).code).toBe("1900");
    expect(parseDfePeriod("209900", "Academic year", at).label).toBe("2099/00");
  });

  it("refuses a term whose academic year is malformed", () => {
    expect(refusal(() => parseDfePeriod("202224", "Spring term", at)).reason).toMatch(/^Spring term needs a six-digit/);
  });

  it.each(["Tax year", "Financial year Q1", "Week 54", "Semester 1", ""])(
    "refuses the identifier %s and lists the supported ones",
    (identifier) => {
      const error = refusal(() => parseDfePeriod("2024", identifier, at));
      expect(error.reason).toMatch(/^time_identifier not supported: use one of Academic year, /);
      expect(error.location.column).toBe("time_identifier");
    },
  );
});

describe("periodKindOf", () => {
  it.each([
    ["Academic year", "academic_year"],
    ["Financial year", "financial_year"],
    ["Calendar year", "calendar_year"],
    ["Reporting year", "reporting_year"],
    ["Autumn term", "term"],
    ["Autumn and spring term", "term"],
    ["Q3", "quarter"],
    ["March", "month"],
    ["Week 12", "week"],
  ])("gives the kind of %s", (identifier, kind) => {
    expect(periodKindOf(identifier)).toBe(kind);
  });

  it("gives undefined for an identifier it does not read", () => {
    expect(periodKindOf("Tax year")).toBeUndefined();
  });
});

describe("parseLaitYear", () => {
  const read = (label: string, yearType: Parameters<typeof parseLaitYear>[1]) => parseLaitYear(label, yearType, at);

  it("reads a plain academic year label as the year ending then", () => {
    expect(read("2025", "academic_year")).toEqual({
      period: { type: "academic_year", code: "202425", label: "2024/25", startsOn: "2024-09-01", endsOn: "2025-08-31" },
      isProvisional: false,
    });
  });

  it("reads a plain financial year label as the year ending then", () => {
    expect(read("2025", "financial_year")?.period).toEqual({
      type: "financial_year",
      code: "202425",
      label: "2024-25",
      startsOn: "2024-04-01",
      endsOn: "2025-03-31",
    });
  });

  it("reads a reporting year label as the year to 31 March", () => {
    expect(read("2025", "reporting_year")?.period).toMatchObject({ code: "2025", label: "31 March 2025" });
  });

  it("reads a calendar year label as that year", () => {
    expect(read("2025", "calendar_year")?.period).toMatchObject({ type: "calendar_year", code: "2025" });
  });

  it("reads an explicit academic year", () => {
    expect(read("2015/16", "academic_year")).toEqual({
      period: expect.objectContaining({ type: "academic_year", code: "201516", label: "2015/16" }),
      isProvisional: false,
    });
  });

  it("reads an outturn label as a financial year", () => {
    expect(read("2016-17 (OT)", "financial_year")).toEqual({
      period: expect.objectContaining({ type: "financial_year", code: "201617", label: "2016-17" }),
      isProvisional: false,
    });
  });

  it("marks a (prov) label provisional", () => {
    expect(read("2025 (prov)", "academic_year")).toEqual({
      period: expect.objectContaining({ code: "202425" }),
      isProvisional: true,
    });
  });

  it("returns null for the label 0, which names no year", () => {
    expect(read("0", "reporting_year")).toBeNull();
  });

  it("refuses an explicit label of another kind than the measure's", () => {
    expect(refusal(() => read("2015/16", "financial_year")).reason).toBe(
      '"2015/16" is an academic year but this measure is mapped as financial_year',
    );
    expect(refusal(() => read("2016-17 (OT)", "academic_year")).reason).toMatch(/is a financial year \(outturn\)/);
  });

  it("refuses a split year whose halves are not consecutive", () => {
    expect(refusal(() => read("2015/17", "academic_year")).reason).toMatch(/not a year and the one after it/);
  });

  it.each(["3025", "1015 (prov)", "0015/16"])("refuses the implausible year in %s", (label) => {
    expect(refusal(() => read(label, "academic_year")).reason).toMatch(/is not a plausible year/);
  });

  it.each(["2025 (rev)", "2016-17", "FY2025", "25", "", "2025/26 (prov)"])("refuses the label %s", (label) => {
    expect(refusal(() => read(label, "academic_year")).reason).toMatch(/^LAIT year label not recognised/);
  });
});

describe("periodFromCode", () => {
  it("builds the yearly periods a target can name before any data exists", () => {
    expect(periodFromCode("academic_year", "202728")).toEqual({
      type: "academic_year",
      code: "202728",
      label: "2027/28",
      startsOn: "2027-09-01",
      endsOn: "2028-08-31",
    });
    expect(periodFromCode("reporting_year", "2030")?.label).toBe("31 March 2030");
    expect(periodFromCode("financial_year", "202930")?.endsOn).toBe("2030-03-31");
  });

  it("refuses codes that do not name a period of that kind", () => {
    expect(periodFromCode("academic_year", "202729")).toBeUndefined();
    expect(periodFromCode("academic_year", "2027")).toBeUndefined();
    expect(periodFromCode("calendar_year", "202728")).toBeUndefined();
    expect(periodFromCode("reporting_year", "2205")).toBeUndefined();
    expect(periodFromCode("term", "202728")).toBeUndefined();
  });
});

describe("periodFromCode: months and quarters", () => {
  it("reads stored month and quarter codes", () => {
    expect(periodFromCode("month", "2025-03")).toMatchObject({
      code: "2025-03",
      startsOn: "2025-03-01",
      endsOn: "2025-03-31",
    });
    expect(periodFromCode("quarter", "2025Q1")).toMatchObject({ code: "2025Q1", endsOn: "2025-03-31" });
    expect(periodFromCode("month", "2025-13")).toBeUndefined();
    expect(periodFromCode("quarter", "2025Q5")).toBeUndefined();
  });
});
