import type { Headline, Observation } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { MINUS } from "../../../lib/format.ts";
import { toHeadlineView } from "./to-headline-view.ts";

const observation = (periodCode: string, periodLabel: string, value: number | null, extra: Partial<Observation> = {}) =>
  ({
    areaCode: "E06000059",
    areaName: "Dorset",
    period: { type: "reporting_year", code: periodCode, label: periodLabel, startsOn: "", endsOn: "" },
    breakdown: { dimension: "total", value: "Total" },
    status: value === null ? "x" : "value",
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
    ...extra,
  }) satisfies Observation;

const headline = (extra: Partial<Headline> = {}): Headline => ({
  indicator: {
    code: "care-leavers-eet-19-21",
    title: "Care leavers aged 19 to 21 in education, employment or training",
    unit: "%",
    decimalPlaces: 0,
    polarity: "higher_is_better",
    periodType: "reporting_year",
    priorities: [],
  },
  latest: observation("2025", "31 March 2025", 62, {
    comparison: {
      benchmarkCode: "E92000001",
      benchmarkName: "England",
      benchmarkValue: 54,
      verdict: "better",
      difference: 8,
      description: "Better than England",
    },
  }),
  previous: observation("2024", "31 March 2024", 51),
  change: 11,
  comparators: [
    { areaCode: "E12000009", areaName: "South West", value: 56, status: "value" },
    { areaCode: "E92000001", areaName: "England", value: null, status: "c" },
  ],
  trend: [
    { periodLabel: "31 March 2023", value: 53 },
    { periodLabel: "31 March 2024", value: null },
    { periodLabel: "31 March 2025", value: 62 },
  ],
  neighbours: null,
  rank: null,
  target: null,
  ...extra,
});

describe("toHeadlineView", () => {
  it("gives the latest value with its unit and period", () => {
    const view = toHeadlineView(headline(), "Dorset");
    expect(view.latest?.valueText).toBe("62%");
    expect(view.latest?.periodLabel).toBe("31 March 2025");
  });

  it("labels the change with the earlier period, in percentage points", () => {
    expect(toHeadlineView(headline(), "Dorset").change).toEqual({ label: "Change since 31 March 2024", text: "+11pp" });
    expect(toHeadlineView(headline({ change: -3 }), "Dorset").change?.text).toBe(`${MINUS}3pp`);
    expect(toHeadlineView(headline({ change: -0.39 }), "Dorset").change?.text).toBe("No change");
  });

  it("shows no change when the earlier figure is for the same period", () => {
    const same = headline();
    const view = toHeadlineView({ ...same, previous: same.latest, change: null }, "Dorset");
    expect(view.change).toBeNull();
  });

  it("leaves out comparators when none has a figure", () => {
    const view = toHeadlineView(
      headline({
        comparators: [
          { areaCode: "E12000009", areaName: "South West", value: null, status: null },
          { areaCode: "E92000001", areaName: "England", value: null, status: null },
        ],
      }),
      "Dorset",
    );
    expect(view.comparators).toEqual([]);
  });

  it("splits the unit words from a rate", () => {
    const rate = headline();
    rate.indicator.unit = "per 100 pupils";
    rate.indicator.decimalPlaces = 2;
    expect(toHeadlineView(rate, "Dorset").latest?.valueParts).toEqual(["62.00", "per 100 pupils"]);
  });

  it("shows comparator symbols, never 0", () => {
    const view = toHeadlineView(headline(), "Dorset");
    expect(view.comparators.map((comparator) => comparator.valueText)).toEqual(["56%", "c"]);
    expect(view.comparators[1]?.statusText).toBe("c: Suppressed (confidential)");
  });

  it("gives the verdict, and the reason when not compared", () => {
    expect(toHeadlineView(headline(), "Dorset").comparison).toEqual({
      verdict: "better",
      benchmarkName: "England",
      reason: null,
    });
    const notCompared = headline();
    if (notCompared.latest) {
      notCompared.latest.comparison = {
        benchmarkCode: "E92000001",
        benchmarkName: "England",
        benchmarkValue: 54,
        verdict: "not_compared",
        difference: 8,
        description: "Not compared with England (no numerator and denominator)",
      };
    }
    expect(toHeadlineView(notCompared, "Dorset").comparison.reason).toBe("No numerator and denominator");
  });

  it("says when there is no benchmark figure", () => {
    const view = toHeadlineView(headline({ latest: observation("2024", "2024", 6) }), "Dorset");
    expect(view.comparison).toEqual({
      verdict: "not_compared",
      benchmarkName: "England",
      reason: "No England figure to compare with",
    });
  });

  it("handles an area without figures", () => {
    const view = toHeadlineView(headline({ latest: null, previous: null, change: null, trend: [] }), "Chesil");
    expect(view.latest).toBeNull();
    expect(view.change).toBeNull();
    expect(view.comparison.reason).toBe("No figures for this area");
  });

  it("describes the trend in words, with gaps said as gaps", () => {
    expect(toHeadlineView(headline(), "Dorset").trendText).toBe(
      "Dorset, 31 March 2023 to 31 March 2025: 53%, no figure, 62%",
    );
  });
});

describe("toHeadlineView: neighbours, rank and target", () => {
  it("adds the statistical neighbours' median after the other comparators, saying how many it is of", () => {
    const view = toHeadlineView(
      headline({ neighbours: { groupName: "Dorset's statistical neighbours", median: 58, count: 9, of: 10 } }),
      "Dorset",
    );
    expect(view.comparators.at(-1)).toEqual({
      areaCode: "neighbours",
      areaName: "Statistical neighbours (median of 9)",
      valueText: "58%",
      statusText: null,
    });
  });

  it("says a rank as a position with its quartile", () => {
    const view = toHeadlineView(
      headline({ rank: { position: 22, of: 152, quartile: 1, order: "best_first" } }),
      "Dorset",
    );
    expect(view.rankText).toBe("22nd of 152 (top quartile)");
    const unordered = toHeadlineView(
      headline({ rank: { position: 150, of: 152, quartile: 4, order: "highest_first" } }),
      "Dorset",
    );
    expect(unordered.rankText).toBe("150th of 152 (bottom quartile, counted from the highest)");
  });

  it("shows the target with its status in words", () => {
    const view = toHeadlineView(
      headline({
        target: {
          value: 65,
          periodCode: "2028",
          periodLabel: "31 March 2028",
          baselineValue: 51,
          status: "not_yet_met",
        },
      }),
      "Dorset",
    );
    expect(view.target).toEqual({
      label: "Target for 31 March 2028",
      periodLabel: "31 March 2028",
      valueText: "65%",
      status: "not_yet_met",
      statusText: "Not yet met",
    });
  });
});
