import { describe, expect, it } from "vitest";
import { describeSuppression, type SuppressionCell, suppressCells } from "./suppression.ts";

const cell = (id: string, count: number | null, group = "g", isSuppressed = false): SuppressionCell<string> => ({
  id,
  group,
  count,
  isSuppressed,
});

describe("suppressCells", () => {
  it("hides counts from 1 to the threshold, never 0 or larger counts", () => {
    const hidden = suppressCells(
      [cell("zero", 0, "a"), cell("one", 1, "b"), cell("five", 5, "c"), cell("six", 6, "d")],
      5,
    );
    expect([...hidden.keys()].sort()).toEqual(["five", "one"]);
  });

  it("hides the next-smallest sibling when only one would be hidden", () => {
    const hidden = suppressCells([cell("a", 3), cell("b", 40), cell("c", 12), cell("d", 25)], 5);
    expect(Object.fromEntries(hidden)).toEqual({ a: "small_count", c: "secondary" });
  });

  it("needs no second cell when two siblings are already hidden", () => {
    const hidden = suppressCells([cell("a", 3), cell("b", 4), cell("c", 12)], 5);
    expect(Object.fromEntries(hidden)).toEqual({ a: "small_count", b: "small_count" });
  });

  it("counts a cell hidden at source as one of the hidden", () => {
    const hidden = suppressCells([cell("a", null, "g", true), cell("b", 30), cell("c", 9)], 5);
    expect(Object.fromEntries(hidden)).toEqual({ c: "secondary" });
  });

  it("keeps groups apart", () => {
    const hidden = suppressCells(
      [cell("a", 2, "2023"), cell("b", 20, "2023"), cell("c", 8, "2024"), cell("d", 9, "2024")],
      5,
    );
    expect(Object.fromEntries(hidden)).toEqual({ a: "small_count", b: "secondary" });
  });

  it("leaves a lone cell with nothing beside it to hide", () => {
    expect(Object.fromEntries(suppressCells([cell("a", 2)], 5))).toEqual({ a: "small_count" });
  });

  it("uses a per-indicator threshold: exclusions hide 1 and 2 only", () => {
    const hidden = suppressCells([cell("a", 2, "x"), cell("b", 3, "y")], 2);
    expect([...hidden.keys()]).toEqual(["a"]);
  });

  it("explains each reason in words", () => {
    expect(describeSuppression("small_count", 5)).toMatch(/fewer than 6/);
    expect(describeSuppression("secondary", 5)).toMatch(/worked out from the total/);
  });
});
