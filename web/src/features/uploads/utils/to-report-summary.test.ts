import { describe, expect, it } from "vitest";
import {
  formatDifference,
  formatPreviewValue,
  groupChangesByIndicator,
  toProblemSummary,
  toWarningTotal,
} from "./to-report-summary.ts";

const problem = (row: number) => ({
  kind: "not a number or a declared symbol",
  file: "a.csv",
  row,
  column: "care_leaver_percent",
  value: "12%",
  reason: "not a number or a declared symbol: 12%",
});

describe("toProblemSummary", () => {
  it("counts listed problems by kind, most frequent first", () => {
    const summary = toProblemSummary({
      problems: [problem(2), problem(3), { ...problem(4), kind: "unknown area" }],
      problemCounts: { "unknown area": 1, "not a number or a declared symbol": 2 },
    });
    expect(summary).toEqual({
      total: 3,
      notListed: 0,
      byKind: [
        { kind: "Not a number or a declared symbol", count: 2 },
        { kind: "Unknown area", count: 1 },
      ],
    });
  });

  it("counts the problems beyond the first hundred as more to see in the full report", () => {
    const problems = Array.from({ length: 100 }, (_, index) => problem(index + 2));
    const summary = toProblemSummary({
      problems,
      problemCounts: { "not a number or a declared symbol": 100, "not listed (over the first 100)": 40 },
    });
    expect(summary.total).toBe(140);
    expect(summary.notListed).toBe(40);
    expect(summary.byKind.at(-1)).toEqual({
      kind: "Not listed here (beyond the first 100): see the full report",
      count: 40,
    });
  });
});

describe("toWarningTotal", () => {
  it("adds up what each warning counts", () => {
    expect(
      toWarningTotal({
        warnings: [
          { kind: "series-break", message: "a", count: 3 },
          { kind: "skipped-level", message: "b", count: 1887 },
        ],
      }),
    ).toBe(1890);
    expect(toWarningTotal({ warnings: [] })).toBe(0);
  });
});

describe("groupChangesByIndicator", () => {
  it("groups changes by indicator in their order, with labels and differences", () => {
    const groups = groupChangesByIndicator([
      { indicatorCode: "eet", areaCode: "E06000059", periodCode: "2025", oldValue: 62, newValue: 63 },
      { indicatorCode: "absence", areaCode: "E92000001", periodCode: "202324", oldValue: 7.15, newValue: null },
      { indicatorCode: "eet", areaCode: "E92000001", periodCode: "2025", oldValue: 54, newValue: 53.5 },
    ]);
    expect(groups.map((group) => [group.indicatorCode, group.changes.map((change) => change.difference)])).toEqual([
      ["eet", [1, -0.5]],
      ["absence", [null]],
    ]);
    expect(groups[0]?.changes[0]?.label).toBe("E06000059, 2025");
  });

  it("names areas when their names are known", () => {
    const [group] = groupChangesByIndicator(
      [{ indicatorCode: "eet", areaCode: "E06000059", periodCode: "2025", oldValue: 62, newValue: 63 }],
      new Map([["E06000059", "Dorset"]]),
    );
    expect(group?.changes[0]).toMatchObject({ areaName: "Dorset", label: "Dorset, 2025" });
  });
});

describe("formatPreviewValue and formatDifference", () => {
  it("show symbols as no value, never zero, and signs explicitly", () => {
    expect(formatPreviewValue(null)).toBe("No value");
    expect(formatPreviewValue(0)).toBe("0");
    expect(formatPreviewValue(-1234.5)).toBe("\u22121,234.5");
    expect(formatDifference(1)).toBe("+1");
    expect(formatDifference(-0.5)).toBe("\u22120.5");
    expect(formatDifference(0)).toBe("No change");
    expect(formatDifference(null)).toBe("");
  });
});
