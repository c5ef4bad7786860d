import { describe, expect, it } from "vitest";
import { formatDimension } from "./format.ts";

describe("formatDimension", () => {
  it("turns a data column name into words", () => {
    expect(formatDimension("free_school_meals")).toBe("Free school meals");
    expect(formatDimension("sex")).toBe("Sex");
  });
});
