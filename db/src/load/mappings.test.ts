import { describe, expect, it } from "vitest";
import { layoutOf } from "./mappings.ts";

describe("layoutOf", () => {
  it("is the same for the same columns in any order, spaces around names aside", () => {
    expect(layoutOf(["time_period", "geographic_level", " pupils "])).toBe(
      layoutOf(["pupils", "time_period", "geographic_level"]),
    );
  });

  it("differs when a column is added or renamed", () => {
    const layout = layoutOf(["time_period", "pupils"]);
    expect(layoutOf(["time_period", "pupils", "schools"])).not.toBe(layout);
    expect(layoutOf(["time_period", "pupil_count"])).not.toBe(layout);
  });
});
