import { describe, expect, it } from "vitest";
import { describeSuppression, type SuppressionCell, type SuppressionGroup, suppressCells } from "./suppression.ts";

const areas = (key: string): SuppressionGroup => ({ key, across: "areas" });
const cell = (id: string, count: number | null, group = "g", isSuppressed = false): SuppressionCell<string> => ({
  id,
  groups: [areas(group)],
  count,
  isSuppressed,
});

/** A cell of one area's breakdown by sex, which also adds up with the same sex in sibling areas. */
const sexCell = (area: string, sex: string, count: number | null, isSuppressed = false): SuppressionCell<string> => ({
  id: `${area} ${sex}`,
  groups: [
    areas(`sex ${sex}`),
    { key: `${area} sex`, across: "categories", ...(sex === "Total" ? { isTotal: true } : {}) },
  ],
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
    expect(describeSuppression("secondary_category", 5)).toMatch(/other categories in this breakdown/);
  });
});

describe("suppressCells across the categories of a breakdown", () => {
  it("hides the next-smallest category when the total would reveal the one hidden", () => {
    // Girls 3 = Total 20 - Boys 17: Boys must go too; the headline total stays.
    const hidden = suppressCells([sexCell("A", "Total", 20), sexCell("A", "Boys", 17), sexCell("A", "Girls", 3)], 5);
    expect(Object.fromEntries(hidden)).toEqual({ "A Girls": "small_count", "A Boys": "secondary_category" });
  });

  it("picks the next-smallest of several categories, never the total", () => {
    const cells = ["Primary:30", "Secondary:12", "Special:2", "Total:44"].map((entry) => {
      const [phase, count] = entry.split(":") as [string, string];
      return {
        id: phase,
        groups: [{ key: "A phase", across: "categories" as const, ...(phase === "Total" ? { isTotal: true } : {}) }],
        count: Number(count),
        isSuppressed: false,
      };
    });
    expect(Object.fromEntries(suppressCells(cells, 5))).toEqual({
      Special: "small_count",
      Secondary: "secondary_category",
    });
  });

  it("needs no second category when two are hidden already", () => {
    const hidden = suppressCells([sexCell("A", "Total", 7), sexCell("A", "Boys", 4), sexCell("A", "Girls", 3)], 5);
    expect(Object.fromEntries(hidden)).toEqual({ "A Boys": "small_count", "A Girls": "small_count" });
  });

  it("protects a total hidden among sibling areas from being added up from its categories", () => {
    // Area B's total (36) goes to protect A's total (4) among the areas; B's boys and girls would add up to it.
    const hidden = suppressCells(
      [
        sexCell("A", "Total", 4),
        sexCell("B", "Total", 36),
        sexCell("C", "Total", 50),
        sexCell("B", "Boys", 6),
        sexCell("B", "Girls", 30),
      ],
      5,
    );
    expect(hidden.get("B Total")).toBe("secondary");
    expect(hidden.get("B Boys")).toBe("secondary_category");
  });

  it("follows a category hidden to protect its area into the sibling areas of that category", () => {
    // A's girls (3) hide A's boys (17) and B's girls (25, the next-smallest girls); B's girls are then the only
    // category hidden in B, so B's boys (12) go too, which leaves two hidden in every set.
    const hidden = suppressCells(
      [
        sexCell("A", "Boys", 17),
        sexCell("A", "Girls", 3),
        sexCell("B", "Boys", 12),
        sexCell("B", "Girls", 25),
        sexCell("C", "Boys", 30),
        sexCell("C", "Girls", 40),
      ],
      5,
    );
    expect(Object.fromEntries(hidden)).toEqual({
      "A Girls": "small_count",
      "A Boys": "secondary_category",
      "B Girls": "secondary",
      "B Boys": "secondary_category",
    });
  });
});
