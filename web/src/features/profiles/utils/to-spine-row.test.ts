import { describe, expect, it } from "vitest";
import { toSpineRow } from "./to-spine-row.ts";

const spread = { min: 8, q1: 9, q3: 11, max: 14 };

describe("toSpineRow", () => {
  it("centres the benchmark and lets the furthest value reach the margin", () => {
    const row = toSpineRow({ value: 12, benchmark: 10, spread, polarity: "higher_is_better" });
    expect(row?.benchmark).toBe(0.5);
    // 14 is furthest from 10 (4 away): it sits at the right margin, 95%.
    expect(row?.range?.to).toBeCloseTo(0.95, 9);
    expect(row?.range?.from).toBeCloseTo(0.5 - (2 / 8) * 0.9, 9);
    expect(row?.marker).toBeCloseTo(0.5 + (2 / 8) * 0.9, 9);
    expect(row?.middle?.from).toBeCloseTo(0.5 - (1 / 8) * 0.9, 9);
    expect(row?.betterToRight).toBe(true);
  });

  it("flips a lower-is-better row so better is to the right", () => {
    const row = toSpineRow({ value: 12, benchmark: 10, spread, polarity: "lower_is_better" });
    expect(row?.marker).toBeCloseTo(0.5 - (2 / 8) * 0.9, 9);
    expect(row?.range?.from).toBeCloseTo(0.05, 9);
    expect(row?.range?.from).toBeLessThan(row?.range?.to as number);
    expect(row?.middle?.from).toBeLessThan(row?.middle?.to as number);
    expect(row?.betterToRight).toBe(true);
  });

  it("puts higher to the right, claiming no better side, where there is no polarity", () => {
    const row = toSpineRow({ value: 12, benchmark: 10, spread, polarity: "none" });
    expect(row?.marker).toBeGreaterThan(0.5);
    expect(row?.betterToRight).toBeNull();
  });

  it("places a second area on the same scale", () => {
    const row = toSpineRow({ value: 12, compareValue: 8, benchmark: 10, spread: null, polarity: "higher_is_better" });
    expect(row?.marker).toBeCloseTo(0.95, 9);
    expect(row?.compareMarker).toBeCloseTo(0.05, 9);
    expect(row?.range).toBeNull();
  });

  it("draws no marker for a suppressed value, only the spread", () => {
    const row = toSpineRow({ value: null, benchmark: 10, spread, polarity: "higher_is_better" });
    expect(row?.marker).toBeNull();
    expect(row?.range).not.toBeNull();
  });

  it("centres on the middle of the spread when there is no benchmark", () => {
    const row = toSpineRow({ value: 10, benchmark: null, spread, polarity: "higher_is_better" });
    expect(row?.benchmark).toBeNull();
    expect(row?.marker).toBe(0.5);
  });

  it("keeps a finite scale when every value equals the benchmark", () => {
    const row = toSpineRow({ value: 10, benchmark: 10, spread: null, polarity: "higher_is_better" });
    expect(row?.marker).toBe(0.5);
  });

  it("is null with nothing to draw", () => {
    expect(toSpineRow({ value: null, benchmark: 10, spread: null, polarity: "none" })).toBeNull();
    expect(toSpineRow({ value: null, benchmark: null, spread: null, polarity: "none" })).toBeNull();
    expect(toSpineRow({ value: 1, benchmark: null, spread: null, polarity: "none" })).toBeNull();
  });
});
