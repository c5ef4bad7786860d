import type { Observation } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { toScatterPoints } from "./to-scatter-points.ts";

const observation = (areaCode: string, areaName: string, value: number | null, isIllustrative = true) =>
  ({
    areaCode,
    areaName,
    value,
    status: value === null ? "c" : "value",
    isIllustrative,
  }) as Observation;

describe("toScatterPoints", () => {
  it("pairs each area's two values and marks the chosen area", () => {
    const data = toScatterPoints(
      [observation("A", "Alpha", 1), observation("B", "Beta", 2)],
      [observation("B", "Beta", 20), observation("A", "Alpha", 10)],
      ["A", "B"],
      "B",
    );
    expect(data.points).toEqual([
      { areaCode: "A", areaName: "Alpha", x: 1, y: 10, isIllustrative: true, isChosen: false },
      { areaCode: "B", areaName: "Beta", x: 2, y: 20, isIllustrative: true, isChosen: true },
    ]);
    expect(data.isIllustrative).toBe(true);
  });

  it("lists an area with a suppressed or missing value instead of plotting it at zero", () => {
    const data = toScatterPoints(
      [observation("A", "Alpha", 1, false), observation("B", "Beta", null), observation("C", "Gamma", 3)],
      [observation("A", "Alpha", 10, false), observation("B", "Beta", 20)],
      ["A", "B", "C", "D"],
      "A",
    );
    expect(data.points.map((point) => point.areaCode)).toEqual(["A"]);
    expect(data.missing).toEqual(["Beta", "Gamma"]);
    expect(data.isIllustrative).toBe(false);
  });
});
