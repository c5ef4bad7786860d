import type { AreaComparison } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { careLeaversIndicator, observation, YEAR_2025 } from "./test-observations.ts";
import { toComparisonBars } from "./to-comparison-bars.ts";

describe("toComparisonBars", () => {
  const comparison: AreaComparison = {
    indicator: careLeaversIndicator,
    among: "neighbours",
    periods: [{ code: "2025", label: "31 March 2025" }],
    period: { code: "2025", label: "31 March 2025" },
    benchmark: { areaCode: "E92000001", areaName: "England", value: 54 },
    observations: [
      observation("E10000008", "Devon", YEAR_2025, {
        value: 64,
        lowerCi: 58,
        upperCi: 69,
        comparison: {
          benchmarkCode: "E92000001",
          benchmarkName: "England",
          benchmarkValue: 54,
          verdict: "better",
          difference: 10,
          description: "Better than England",
        },
      }),
      observation("E06000059", "Dorset", YEAR_2025, { value: 62 }),
      observation("E10000034", "Worcestershire", YEAR_2025, { value: null, status: "c" }),
    ],
  };

  it("gives whiskers as distances from the value, and marks Dorset", () => {
    const [devon, dorset] = toComparisonBars(comparison);
    expect(devon).toMatchObject({
      error: [6, 5],
      verdict: "better",
      verdictText: "Better than England",
      isFocus: false,
    });
    expect(dorset).toMatchObject({ error: null, isFocus: true, verdict: "not_compared" });
  });

  it("explains a missing bar rather than drawing it as zero", () => {
    const suppressed = toComparisonBars(comparison)[2];
    expect(suppressed?.value).toBeNull();
    expect(suppressed?.statusText).toMatch(/^c: /);
  });
});
