import { describe, expect, it } from "vitest";
import { careLeaverObservations, observation, YEAR_2024, YEAR_2025 } from "./test-observations.ts";
import { toAreasWithoutFigures, toChartPoints, toChartSeries } from "./to-chart-points.ts";

describe("toChartPoints", () => {
  it("gives one point per period, oldest first, with every area", () => {
    expect(toChartPoints(careLeaverObservations).map((point) => point.periodLabel)).toEqual([
      "31 March 2023",
      "31 March 2024",
      "31 March 2025",
    ]);
    expect(toChartPoints(careLeaverObservations).at(-1)?.values).toEqual({ E92000001: 54, E06000059: 62 });
  });

  it("turns a suppressed value into a gap, never 0", () => {
    expect(toChartPoints(careLeaverObservations)[0]?.values).toEqual({ E92000001: 56, E06000059: null });
  });

  it("leaves a gap where an area has no figure for a period", () => {
    const points = toChartPoints([
      observation("E92000001", "England", YEAR_2024, { value: 54 }),
      observation(
        "E06000059",
        "Dorset",
        { code: "2025", label: "31 March 2025", startsOn: "2024-04-01" },
        { value: 62 },
      ),
    ]);
    expect(points.map((point) => point.values)).toEqual([
      { E92000001: 54, E06000059: null },
      { E92000001: null, E06000059: 62 },
    ]);
  });

  it("draws a low-reliability value but not symbols without one", () => {
    const points = toChartPoints([
      observation("A", "Area A", YEAR_2024, { status: "u", value: 3 }),
      observation("B", "Area B", YEAR_2024, { status: "low", value: null }),
      observation("C", "Area C", YEAR_2024, { status: "x", value: 0 }),
    ]);
    expect(points[0]?.values).toEqual({ A: 3, B: null, C: null });
  });

  it("keeps a true zero", () => {
    expect(toChartPoints([observation("A", "Area A", YEAR_2024, { value: 0 })])[0]?.values).toEqual({ A: 0 });
  });

  it("gives nothing for no observations", () => {
    expect(toChartPoints([])).toEqual([]);
  });
});

describe("toChartSeries", () => {
  it("gives one line per area in the order asked for", () => {
    expect(toChartSeries(careLeaverObservations, ["E06000059", "E92000001"])).toEqual([
      { areaCode: "E06000059", areaName: "Dorset" },
      { areaCode: "E92000001", areaName: "England" },
    ]);
  });

  it("puts areas not asked for last, in order of appearance", () => {
    expect(toChartSeries(careLeaverObservations, []).map((series) => series.areaName)).toEqual(["England", "Dorset"]);
  });
});

describe("toAreasWithoutFigures", () => {
  it("names the areas asked for that have no figures at all", () => {
    expect(toAreasWithoutFigures(["E06000059", "DOR-LAG-PURBECK", "E92000001"], careLeaverObservations)).toEqual([
      "DOR-LAG-PURBECK",
    ]);
  });
});

describe("toChartPoints: confidence bands", () => {
  it("carries each plotted figure's interval, and none where there is none", () => {
    const points = toChartPoints([
      observation("E06000059", "Dorset", YEAR_2025, { value: 62, lowerCi: 54.98, upperCi: 68.04 }),
      observation("E92000001", "England", YEAR_2025, { value: 54 }),
    ]);
    expect(points[0]?.intervals).toEqual({ E06000059: [54.98, 68.04], E92000001: null });
  });
});
