import { describe, expect, it } from "vitest";
import { byarInterval, exactPoissonInterval, intervalForIndicator, wilsonInterval } from "./confidence-intervals.ts";

describe("wilsonInterval", () => {
  it("computes the wilson interval for 50 of 100", () => {
    const { lower, upper } = wilsonInterval(50, 100);
    expect(lower).toBeCloseTo(0.4038, 4);
    expect(upper).toBeCloseTo(0.5962, 4);
  });

  it("computes the wilson interval for 129 of 209", () => {
    const { lower, upper } = wilsonInterval(129, 209);
    expect(lower).toBeCloseTo(0.5498, 4);
    expect(upper).toBeCloseTo(0.6804, 4);
  });

  it("puts the lower limit at 0 for 0 of n", () => {
    const { lower, upper } = wilsonInterval(0, 20);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(0.1611, 4);
  });

  it("puts the upper limit at 1 for n of n", () => {
    const { lower, upper } = wilsonInterval(20, 20);
    expect(lower).toBeCloseTo(0.8389, 4);
    expect(upper).toBe(1);
  });

  it("rejects a numerator larger than the denominator", () => {
    expect(() => wilsonInterval(21, 20)).toThrow(RangeError);
  });

  it("rejects a zero denominator", () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });
});

describe("byarInterval", () => {
  it("computes the byar interval for 20 events", () => {
    const { lower, upper } = byarInterval(20);
    expect(lower).toBeCloseTo(12.21, 2);
    expect(upper).toBeCloseTo(30.89, 2);
  });

  it("uses the exact interval below 10 events", () => {
    const { lower, upper } = byarInterval(5);
    expect(lower).toBeCloseTo(1.62, 2);
    expect(upper).toBeCloseTo(11.67, 2);
  });

  it("agrees with the exact interval for large counts", () => {
    const { lower, upper } = byarInterval(1000);
    expect(lower).toBeCloseTo(938.97, 2);
    expect(upper).toBeCloseTo(1063.95, 2);
  });

  it("rejects a negative count", () => {
    expect(() => byarInterval(-1)).toThrow(RangeError);
  });
});

describe("exactPoissonInterval", () => {
  it("computes the exact interval for 5 events", () => {
    const { lower, upper } = exactPoissonInterval(5);
    expect(lower).toBeCloseTo(1.62, 2);
    expect(upper).toBeCloseTo(11.67, 2);
  });

  it("computes the exact interval for 1 event", () => {
    const { lower, upper } = exactPoissonInterval(1);
    expect(lower).toBeCloseTo(0.0253, 4);
    expect(upper).toBeCloseTo(5.5716, 4);
  });

  it("puts the lower limit at 0 for 0 events", () => {
    const { lower, upper } = exactPoissonInterval(0);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(3.6889, 4);
  });

  it("rejects a confidence of 1", () => {
    expect(() => exactPoissonInterval(5, 1)).toThrow(RangeError);
  });
});

describe("intervalForIndicator", () => {
  it("scales a proportion to a percentage", () => {
    const interval = intervalForIndicator({
      valueType: "proportion",
      numerator: 129,
      denominator: 209,
      multiplier: 100,
    });
    expect(interval?.lower).toBeCloseTo(54.98, 2);
    expect(interval?.upper).toBeCloseTo(68.04, 2);
  });

  it("scales a rate to its multiplier", () => {
    const interval = intervalForIndicator({
      valueType: "rate",
      numerator: 20,
      denominator: 50_000,
      multiplier: 100_000,
    });
    expect(interval?.lower).toBeCloseTo(24.42, 2);
    expect(interval?.upper).toBeCloseTo(61.78, 2);
  });

  it("gives a count its interval in events without a denominator", () => {
    const interval = intervalForIndicator({
      valueType: "count",
      numerator: 20,
      denominator: null,
      multiplier: 1,
    });
    expect(interval?.lower).toBeCloseTo(12.21, 2);
    expect(interval?.upper).toBeCloseTo(30.89, 2);
  });

  it("returns null for a mean", () => {
    expect(
      intervalForIndicator({
        valueType: "mean",
        numerator: 10,
        denominator: 4,
        multiplier: 1,
      }),
    ).toBeNull();
  });

  it("returns null for other value types", () => {
    expect(
      intervalForIndicator({
        valueType: "other",
        numerator: 10,
        denominator: 4,
        multiplier: 1,
      }),
    ).toBeNull();
  });

  it("returns null when the numerator is missing", () => {
    expect(
      intervalForIndicator({
        valueType: "proportion",
        numerator: null,
        denominator: 100,
        multiplier: 100,
      }),
    ).toBeNull();
  });

  it("returns null when the denominator is missing", () => {
    expect(
      intervalForIndicator({
        valueType: "rate",
        numerator: 20,
        denominator: null,
        multiplier: 1000,
      }),
    ).toBeNull();
  });

  it("returns null when the denominator is zero", () => {
    expect(
      intervalForIndicator({
        valueType: "proportion",
        numerator: 0,
        denominator: 0,
        multiplier: 100,
      }),
    ).toBeNull();
  });

  it("returns null for a proportion above its denominator", () => {
    expect(
      intervalForIndicator({
        valueType: "proportion",
        numerator: 21,
        denominator: 20,
        multiplier: 100,
      }),
    ).toBeNull();
  });
});
