import type { Headline, PriorityDetail } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { toPriorityCsv, toPriorityRows } from "./to-priority-rows.ts";

const indicator = (code: string, unit: string, isHeadline: boolean): Headline["indicator"] => ({
  code,
  title: code,
  unit,
  decimalPlaces: 2,
  polarity: "lower_is_better",
  periodType: "academic_year",
  priorities: [{ plan: "plan", code: "education", isPrimary: true, isHeadline }],
});

const latest = (value: number | null, status: "value" | "c") =>
  ({
    areaCode: "E06000059",
    areaName: "Dorset",
    period: { type: "academic_year", code: "202425", label: "2024/25", startsOn: "", endsOn: "" },
    breakdown: { dimension: "total", value: "Total" },
    status,
    value,
    numerator: null,
    denominator: null,
    lowerCi: null,
    upperCi: null,
    isProvisional: false,
    isRevised: false,
    isIllustrative: false,
    isDisputed: false,
    note: "",
    source: null,
    datasetVersion: { dataset: "d", version: 1, publishedAt: null },
    comparison: null,
  }) as const;

const detail: PriorityDetail = {
  plan: { code: "plan", title: "Plan" },
  area: {
    code: "E06000059",
    type: "local_authority",
    name: "Dorset",
    onsCode: "E06000059",
    dfeCode: "838",
    parentCode: "E12000009",
    validFrom: null,
    validTo: null,
    note: "",
  },
  priority: { code: "education", title: "Best education for all", position: 4, aims: "", continuesAs: null },
  counts: { better: 0, similar: 0, worse: 0, different: 0, notCompared: 2, noData: 0 },
  headlines: [
    {
      indicator: indicator("suspension-rate", "per 100 pupils", true),
      latest: { ...latest(11.62, "value") },
      previous: null,
      change: -0.39,
      comparators: [{ areaCode: "E92000001", areaName: "England", value: 11.31, status: "value" }],
      trend: [],
      neighbours: { groupName: "Neighbours", median: 13.84, count: 9, of: 10 },
      rank: { position: 57, of: 153, quartile: 2, order: "best_first" },
      target: null,
    },
    {
      indicator: indicator("persistent-absence", "%", false),
      latest: { ...latest(null, "c") },
      previous: null,
      change: null,
      comparators: [{ areaCode: "E92000001", areaName: "England", value: 18.14, status: "value" }],
      trend: [],
      neighbours: null,
      rank: null,
      target: null,
    },
  ],
};

describe("toPriorityRows", () => {
  it("says rate units once per row and keeps the cells bare numbers", () => {
    const { comparatorNames, rows } = toPriorityRows(detail);
    expect(comparatorNames).toEqual(["England", "Statistical neighbours (median)"]);
    expect(rows[0]).toMatchObject({
      unitNote: "per 100 pupils",
      valueText: "11.62",
      comparatorTexts: ["11.31", "13.84"],
    });
    expect(rows[1]).toMatchObject({ unitNote: "", comparatorTexts: ["18.14%", "No data"] });
  });

  it("explains a suppressed figure in words, never as a number", () => {
    expect(toPriorityRows(detail).rows[1]?.valueText).toMatch(/^c: /);
  });
});

describe("toPriorityCsv", () => {
  it("holds exactly the cells on screen, row for row", () => {
    const { rows } = toPriorityRows(detail);
    const csv = toPriorityCsv(detail);
    expect(csv.rows).toHaveLength(rows.length);
    rows.forEach((row, index) => {
      const line = csv.rows[index] ?? [];
      expect(line).toEqual(
        expect.arrayContaining([row.view.title, row.valueText, row.changeText, ...row.comparatorTexts]),
      );
    });
    expect(csv.rows[0]).toContain("57th of 153 (second quartile)");
  });
});
