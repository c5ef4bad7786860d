import { describe, expect, it } from "vitest";
import { describeRank, ordinal, quantile, rankAmongSiblings, spreadOfSiblings } from "./sibling-statistics.ts";

const siblings = [
  { areaCode: "A", value: 10 },
  { areaCode: "B", value: 12 },
  { areaCode: "C", value: 8 },
  { areaCode: "D", value: null },
  { areaCode: "E", value: 12 },
];

describe("rankAmongSiblings", () => {
  it("puts the lowest first when lower is better", () => {
    expect(rankAmongSiblings("C", siblings, "lower_is_better")).toEqual({ position: 1, of: 4, order: "best_first" });
    expect(rankAmongSiblings("A", siblings, "lower_is_better")).toEqual({ position: 2, of: 4, order: "best_first" });
  });

  it("puts the highest first when higher is better, sharing a place on a tie", () => {
    expect(rankAmongSiblings("B", siblings, "higher_is_better")?.position).toBe(1);
    expect(rankAmongSiblings("E", siblings, "higher_is_better")?.position).toBe(1);
    expect(rankAmongSiblings("A", siblings, "higher_is_better")?.position).toBe(3);
  });

  it("orders highest first without claiming better where there is no polarity", () => {
    expect(rankAmongSiblings("C", siblings, "none")).toEqual({ position: 4, of: 4, order: "highest_first" });
  });

  it("gives no rank to an area without a value or not among the siblings", () => {
    expect(rankAmongSiblings("D", siblings, "lower_is_better")).toBeNull();
    expect(rankAmongSiblings("Z", siblings, "lower_is_better")).toBeNull();
  });
});

describe("describeRank", () => {
  it("words a rank among the siblings", () => {
    expect(describeRank({ position: 2, of: 5, order: "best_first" }, "localities")).toBe("2nd of 5 localities");
    expect(describeRank({ position: 1, of: 7, order: "highest_first" }, "LAG areas")).toBe("1st of 7 LAG areas");
  });

  it("writes ordinals as people say them", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
    ]);
  });
});

describe("quantile", () => {
  it("interpolates between values like QUARTILE.INC", () => {
    const sorted = [1, 2, 3, 4];
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 0.25)).toBe(1.75);
    expect(quantile(sorted, 0.5)).toBe(2.5);
    expect(quantile(sorted, 0.75)).toBe(3.25);
    expect(quantile(sorted, 1)).toBe(4);
  });

  it("returns the one value of a single-value list", () => {
    expect(quantile([7], 0.25)).toBe(7);
  });
});

describe("spreadOfSiblings", () => {
  it("summarises the siblings with a value and counts those without", () => {
    expect(spreadOfSiblings(siblings)).toEqual({
      min: 8,
      q1: 9.5,
      median: 11,
      q3: 12,
      max: 12,
      count: 4,
      withoutValue: 1,
    });
  });

  it("is null when no sibling has a value", () => {
    expect(spreadOfSiblings([{ areaCode: "A", value: null }])).toBeNull();
    expect(spreadOfSiblings([])).toBeNull();
  });

  it("leaves no float noise from interpolation", () => {
    expect(
      spreadOfSiblings([
        { areaCode: "A", value: 10.1 },
        { areaCode: "B", value: 10.2 },
      ])?.median,
    ).toBe(10.15);
  });
});
