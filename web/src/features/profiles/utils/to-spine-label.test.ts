import { describe, expect, it } from "vitest";
import { toSpineLabel } from "./to-spine-label.ts";

describe("toSpineLabel", () => {
  it("says in words what the spine chart draws", () => {
    expect(
      toSpineLabel({
        areaName: "Dorchester",
        value: 11.39,
        valueText: "11.39",
        compare: { name: "Purbeck", value: 12.18, valueText: "12.18" },
        benchmark: { name: "Dorset", value: 11.61829 },
        spread: { min: 10.17, q1: 11.4125, q3: 12.5625, max: 13.7 },
        siblingsLabel: "localities",
        polarity: "lower_is_better",
        unit: "per 100 pupils",
        decimalPlaces: 2,
      }),
    ).toBe(
      "Spine chart. Dorchester: 11.39; Purbeck: 12.18; Dorset: 11.62; localities from 10.17 to 13.70, middle half 11.41 to 12.56; better to the right.",
    );
  });

  it("claims no better side without polarity, and words a missing value", () => {
    expect(
      toSpineLabel({
        areaName: "Purbeck",
        value: null,
        valueText: "c (suppressed)",
        compare: null,
        benchmark: null,
        spread: null,
        siblingsLabel: null,
        polarity: "none",
        unit: "%",
        decimalPlaces: 1,
      }),
    ).toBe("Spine chart. Purbeck: c (suppressed); higher to the right, neither direction better.");
  });
});
