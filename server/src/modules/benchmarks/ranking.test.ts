import { describe, expect, it } from "vitest";
import { median, rankAmong } from "./ranking.ts";

describe("rankAmong", () => {
  const values = [10, 20, 30, 40, 50, 60, 70, 80];

  it("ranks the highest first when higher is better", () => {
    expect(rankAmong(values, 80, "higher_is_better")).toEqual({ position: 1, of: 8, quartile: 1 });
    expect(rankAmong(values, 10, "higher_is_better")).toEqual({ position: 8, of: 8, quartile: 4 });
  });

  it("ranks the lowest first when lower is better", () => {
    expect(rankAmong(values, 10, "lower_is_better")).toEqual({ position: 1, of: 8, quartile: 1 });
    expect(rankAmong(values, 60, "lower_is_better")).toEqual({ position: 6, of: 8, quartile: 3 });
  });

  it("ranks from the highest where neither direction is better", () => {
    expect(rankAmong(values, 70, "none")).toEqual({ position: 2, of: 8, quartile: 1 });
  });

  it("gives tied values the same, better position", () => {
    expect(rankAmong([5, 7, 7, 9], 7, "higher_is_better")).toEqual({ position: 2, of: 4, quartile: 2 });
  });

  it("splits 152 areas into quarters of 38", () => {
    const many = Array.from({ length: 152 }, (_, index) => index + 1);
    expect(rankAmong(many, 152 - 37, "higher_is_better")?.quartile).toBe(1);
    expect(rankAmong(many, 152 - 38, "higher_is_better")?.quartile).toBe(2);
    expect(rankAmong(many, 1, "higher_is_better")?.quartile).toBe(4);
  });

  it("has no rank among no areas", () => {
    expect(rankAmong([], 3, "higher_is_better")).toBeNull();
  });
});

describe("median", () => {
  it("takes the middle value of an odd count", () => expect(median([9, 1, 5])).toBe(5));
  it("averages the middle two of an even count", () => expect(median([4, 1, 3, 2])).toBe(2.5));
  it("is null for no values", () => expect(median([])).toBeNull());
});
