import { describe, expect, it } from "vitest";
import { changeSincePrevious, compareWithBenchmark, describeVerdict } from "./comparison.ts";
import { intervalForIndicator } from "./confidence-intervals.ts";

describe("compareWithBenchmark", () => {
  it("rates 129 of 209 against england at 54 as better when higher is better", () => {
    const result = compareWithBenchmark({
      value: 62,
      ...intervalForIndicator({
        valueType: "proportion",
        numerator: 129,
        denominator: 209,
        multiplier: 100,
      }),
      benchmark: 54,
      polarity: "higher_is_better",
    });
    expect(result).toEqual({ verdict: "better", difference: 8 });
    expect(describeVerdict(result.verdict, "England")).toBe("Better than England");
  });

  it("rates a higher value as worse when lower is better", () => {
    expect(
      compareWithBenchmark({
        value: 62,
        lower: 54.98,
        upper: 68.04,
        benchmark: 54,
        polarity: "lower_is_better",
      }),
    ).toEqual({ verdict: "worse", difference: 8 });
  });

  it("rates a lower value as better when lower is better", () => {
    expect(
      compareWithBenchmark({
        value: 40,
        lower: 35,
        upper: 45,
        benchmark: 54,
        polarity: "lower_is_better",
      }),
    ).toEqual({ verdict: "better", difference: -14 });
  });

  it("rates a lower value as worse when higher is better", () => {
    expect(
      compareWithBenchmark({
        value: 40,
        lower: 35,
        upper: 45,
        benchmark: 54,
        polarity: "higher_is_better",
      }),
    ).toEqual({ verdict: "worse", difference: -14 });
  });

  it("rates a benchmark inside the interval as similar", () => {
    expect(
      compareWithBenchmark({
        value: 50,
        lower: 40.38,
        upper: 59.62,
        benchmark: 54,
        polarity: "higher_is_better",
      }),
    ).toEqual({ verdict: "similar", difference: -4 });
  });

  it("rates a benchmark exactly on the lower limit as similar", () => {
    expect(
      compareWithBenchmark({
        value: 62,
        lower: 54,
        upper: 68,
        benchmark: 54,
        polarity: "higher_is_better",
      }).verdict,
    ).toBe("similar");
  });

  it("rates a benchmark exactly on the upper limit as similar", () => {
    expect(
      compareWithBenchmark({
        value: 62,
        lower: 56,
        upper: 68,
        benchmark: 68,
        polarity: "higher_is_better",
      }).verdict,
    ).toBe("similar");
  });

  it("reports higher when the indicator has no polarity", () => {
    expect(
      compareWithBenchmark({
        value: 62,
        lower: 56,
        upper: 68,
        benchmark: 54,
        polarity: "none",
      }),
    ).toEqual({ verdict: "higher", difference: 8 });
  });

  it("reports lower when the indicator has no polarity", () => {
    expect(
      compareWithBenchmark({
        value: 40,
        lower: 35,
        upper: 45,
        benchmark: 54,
        polarity: "none",
      }),
    ).toEqual({ verdict: "lower", difference: -14 });
  });

  it("does not compare a missing value", () => {
    expect(
      compareWithBenchmark({
        value: null,
        lower: null,
        upper: null,
        benchmark: 54,
        polarity: "higher_is_better",
      }),
    ).toEqual({ verdict: "not_compared", difference: null });
  });

  it("does not compare against a missing benchmark", () => {
    expect(
      compareWithBenchmark({
        value: 62,
        lower: 56,
        upper: 68,
        benchmark: null,
        polarity: "higher_is_better",
      }),
    ).toEqual({ verdict: "not_compared", difference: null });
  });

  it("does not compare a proportion with no numerator and denominator", () => {
    expect(
      compareWithBenchmark({
        value: 62,
        ...intervalForIndicator({
          valueType: "proportion",
          numerator: null,
          denominator: null,
          multiplier: 100,
        }),
        benchmark: 54,
        polarity: "higher_is_better",
      }),
    ).toEqual({ verdict: "not_compared", difference: 8 });
  });

  it("does not compare without an interval but keeps the difference", () => {
    expect(
      compareWithBenchmark({
        value: 62,
        lower: null,
        upper: null,
        benchmark: 54,
        polarity: "higher_is_better",
      }),
    ).toEqual({ verdict: "not_compared", difference: 8 });
  });

  it("does not compare when significance testing is off but keeps the difference", () => {
    expect(
      compareWithBenchmark({
        value: 62,
        lower: 56,
        upper: 68,
        benchmark: 54,
        polarity: "higher_is_better",
        noSignificance: true,
      }),
    ).toEqual({ verdict: "not_compared", difference: 8 });
  });
});

describe("describeVerdict", () => {
  it("describes better", () => {
    expect(describeVerdict("better", "England")).toBe("Better than England");
  });

  it("describes worse", () => {
    expect(describeVerdict("worse", "England")).toBe("Worse than England");
  });

  it("describes similar", () => {
    expect(describeVerdict("similar", "England")).toBe("Similar to England");
  });

  it("describes higher", () => {
    expect(describeVerdict("higher", "England")).toBe("Higher than England");
  });

  it("describes lower", () => {
    expect(describeVerdict("lower", "the South East")).toBe("Lower than the South East");
  });

  it("describes not compared", () => {
    expect(describeVerdict("not_compared", "England")).toBe("Not compared with England");
  });

  it("describes not compared with its reason", () => {
    expect(describeVerdict("not_compared", "England", "no numerator and denominator")).toBe(
      "Not compared with England (no numerator and denominator)",
    );
  });
});

describe("changeSincePrevious", () => {
  it("reports a rise as up", () => {
    expect(changeSincePrevious(62, 58)).toEqual({ change: 4, direction: "up" });
  });

  it("reports a fall as down", () => {
    expect(changeSincePrevious(55, 58)).toEqual({
      change: -3,
      direction: "down",
    });
  });

  it("reports no change as same", () => {
    expect(changeSincePrevious(58, 58)).toEqual({
      change: 0,
      direction: "same",
    });
  });

  it("returns nulls when the current value is missing", () => {
    expect(changeSincePrevious(null, 58)).toEqual({
      change: null,
      direction: null,
    });
  });

  it("returns nulls when the previous value is missing", () => {
    expect(changeSincePrevious(62, null)).toEqual({
      change: null,
      direction: null,
    });
  });
});
