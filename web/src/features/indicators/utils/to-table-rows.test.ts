import { describe, expect, it } from "vitest";
import { careLeaverObservations, observation, YEAR_2024 } from "./test-observations.ts";
import { hasIntervals, toBenchmarkName, toObservationTable, toTableRows } from "./to-table-rows.ts";

const unit = { unit: "%", decimalPlaces: 0 };

describe("toTableRows", () => {
  const rows = toTableRows(careLeaverObservations, unit, ["E06000059", "E92000001"]);

  it("lists every period and area, newest period first, areas in the order asked for", () => {
    expect(rows.map((row) => `${row.periodLabel} ${row.areaName}`)).toEqual([
      "31 March 2025 Dorset",
      "31 March 2025 England",
      "31 March 2024 Dorset",
      "31 March 2024 England",
      "31 March 2023 Dorset",
      "31 March 2023 England",
    ]);
  });

  it("formats values and intervals with the unit", () => {
    expect(rows[0]?.valueText).toBe("62%");
    expect(rows[0]?.intervalText).toBe("54.98% to 68.04%");
    expect(rows[1]?.intervalText).toBeNull();
  });

  it("prints the symbol and its meaning for a suppressed value", () => {
    expect(rows[4]?.valueText).toBe("c");
    expect(rows[4]?.statusText).toBe("c: Suppressed (confidential)");
  });

  it("marks the benchmark and keeps each comparison", () => {
    expect(rows[0]?.comparison).toEqual({ verdict: "better", description: "Better than England", reason: null });
    expect(rows[1]?.isBenchmark).toBe(true);
    expect(rows[2]?.isBenchmark).toBe(false);
  });

  it("keeps flags and notes", () => {
    expect(rows[2]?.flags.isProvisional).toBe(true);
    expect(rows[2]?.note).toBe("Provisional");
  });
});

describe("hasIntervals", () => {
  it("is true when any row has an interval", () => {
    expect(hasIntervals(toTableRows(careLeaverObservations, unit))).toBe(true);
    expect(hasIntervals(toTableRows(careLeaverObservations.slice(2), unit))).toBe(false);
  });
});

describe("toBenchmarkName", () => {
  it("names the benchmark of the comparisons", () => {
    expect(toBenchmarkName(careLeaverObservations)).toBe("England");
  });
});

describe("toObservationTable", () => {
  const notTested = (areaCode: string, areaName: string, value: number | null) =>
    observation(areaCode, areaName, YEAR_2024, {
      value,
      status: value === null ? "x" : "value",
      comparison: {
        benchmarkCode: "E92000001",
        benchmarkName: "England",
        benchmarkValue: 7.15,
        verdict: "not_compared",
        difference: null,
        description:
          value === null
            ? "Not compared with England (no value to compare)"
            : "Not compared with England (significance is not tested for this indicator)",
      },
    });

  it("says a reason shared by every uncompared row once, not in each row", () => {
    const table = toObservationTable(
      [
        notTested("E06000059", "Dorset", 7.88),
        notTested("E12000009", "South West", 7.59),
        notTested("E10000009", "Dorset County Council", null),
        observation("E92000001", "England", YEAR_2024, { value: 7.15 }),
      ],
      { unit: "%", decimalPlaces: 2 },
    );
    expect(table.commonReason).toBe("Significance is not tested for this indicator");
    expect(table.rows.map((row) => row.comparison?.reason ?? null)).toEqual([null, null, null, null]);
  });

  it("keeps reasons in the rows when they differ", () => {
    const differing = [
      notTested("E06000059", "Dorset", 7.88),
      observation("E12000009", "South West", YEAR_2024, {
        value: 7.59,
        comparison: {
          benchmarkCode: "E92000001",
          benchmarkName: "England",
          benchmarkValue: 7.15,
          verdict: "not_compared",
          difference: 0.44,
          description: "Not compared with England (no numerator and denominator)",
        },
      }),
    ];
    const table = toObservationTable(differing, { unit: "%", decimalPlaces: 2 });
    expect(table.commonReason).toBeNull();
    expect(table.rows.map((row) => row.comparison?.reason)).toEqual([
      "Significance is not tested for this indicator",
      "No numerator and denominator",
    ]);
  });

  it("shows only the optional columns some row needs", () => {
    expect(toObservationTable(careLeaverObservations, unit).columns).toEqual({
      interval: true,
      status: true,
      notes: true,
    });
    expect(toObservationTable(careLeaverObservations.slice(0, 2), unit).columns).toEqual({
      interval: true,
      status: false,
      notes: false,
    });
  });
});
