import type { DraftChart } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { draftChangeOf, draftChartTitle, firstWorthSeeing, toDraftChartData } from "./to-draft-chart.ts";

const value = (v: number) => ({ status: "value" as const, value: v });

const chart: DraftChart = {
  indicatorCode: "overall-absence",
  title: "Overall absence",
  breakdown: null,
  unit: "%",
  decimalPlaces: 1,
  polarity: "lower_is_better",
  periodType: "academic_year",
  areas: [
    { code: "E06000059", name: "Dorset" },
    { code: "E92000001", name: "England" },
  ],
  figures: [
    { areaCode: "E92000001", periodCode: "202223", periodLabel: "2022/23", published: value(7.4), after: null },
    { areaCode: "E06000059", periodCode: "202324", periodLabel: "2023/24", published: value(7.5), after: value(7.6) },
    {
      areaCode: "E92000001",
      periodCode: "202324",
      periodLabel: "2023/24",
      published: value(7.1),
      after: { status: "c", value: null },
    },
    { areaCode: "E06000059", periodCode: "202425", periodLabel: "2024/25", published: null, after: value(7.2) },
  ],
};

describe("draftChangeOf", () => {
  it("tells new, withdrawn, changed and unchanged figures apart", () => {
    expect(chart.figures.map(draftChangeOf)).toEqual(["Withdrawn", "Changed", "Changed", "New"]);
    expect(draftChangeOf({ published: value(7.5), after: value(7.5) })).toBe("Unchanged");
  });
});

describe("toDraftChartData", () => {
  it("draws the figures once published: a withdrawn or suppressed figure is a gap, never 0", () => {
    const { series, points } = toDraftChartData(chart);
    expect(series).toEqual([
      { areaCode: "E06000059", areaName: "Dorset" },
      { areaCode: "E92000001", areaName: "England" },
    ]);
    expect(points.map((point) => [point.periodLabel, point.values])).toEqual([
      ["2022/23", { E06000059: null, E92000001: null }],
      ["2023/24", { E06000059: 7.6, E92000001: null }],
      ["2024/25", { E06000059: 7.2, E92000001: null }],
    ]);
  });
});

describe("firstWorthSeeing", () => {
  const unchanged: DraftChart = {
    ...chart,
    indicatorCode: "attainment-8",
    figures: [{ areaCode: "E06000059", periodCode: "2024", periodLabel: "2024", published: value(1), after: value(1) }],
  };
  const fresh: DraftChart = {
    ...unchanged,
    indicatorCode: "new-measure",
    figures: [{ areaCode: "E06000059", periodCode: "2024", periodLabel: "2024", published: null, after: value(1) }],
  };
  it("shows first a chart whose published figures change, then one with new figures, then the first", () => {
    expect(firstWorthSeeing([unchanged, fresh, chart])?.indicatorCode).toBe("overall-absence");
    expect(firstWorthSeeing([unchanged, fresh])?.indicatorCode).toBe("new-measure");
    expect(firstWorthSeeing([unchanged])?.indicatorCode).toBe("attainment-8");
    expect(firstWorthSeeing([])).toBeUndefined();
  });
});

describe("draftChartTitle", () => {
  it("is the indicator's title for its headline, and names the breakdown charted otherwise", () => {
    expect(draftChartTitle(chart)).toBe("Overall absence");
    expect(draftChartTitle({ ...chart, breakdown: { dimension: "pupil_sex", value: "Girls" } })).toBe(
      "Overall absence (Pupil sex: Girls)",
    );
  });
});
