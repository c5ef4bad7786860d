import type { AreaComparison, BoundarySet } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { SEQUENTIAL_FILLS } from "./quintiles.ts";
import { betterThanEngland, careLeaversIndicator, observation, YEAR_2025 } from "./test-observations.ts";
import { toMapModel, VERDICT_FILLS } from "./to-map-model.ts";

const outline = (code: string, name: string) => ({ code, name, path: "M0 0l1 0 0 1z", label: { x: 1, y: 1 } });

const boundaries: BoundarySet = {
  viewBox: { width: 842, height: 1000 },
  attribution: "ONS",
  areas: [
    outline("E06000059", "Dorset"),
    outline("E10000008", "Devon"),
    outline("E06000052", "Cornwall"),
    outline("E06000053", "Isles of Scilly"),
  ],
};

const comparison: AreaComparison = {
  indicator: careLeaversIndicator,
  among: "local_authorities",
  periods: [{ code: "2025", label: "31 March 2025" }],
  period: { code: "2025", label: "31 March 2025" },
  benchmark: { areaCode: "E92000001", areaName: "England", value: 54 },
  observations: [
    observation("E06000059", "Dorset", YEAR_2025, { value: 62, comparison: betterThanEngland }),
    observation("E10000008", "Devon", YEAR_2025, { value: 50 }),
    observation("E06000052", "Cornwall", YEAR_2025, { value: 40 }),
    observation("E06000053", "Isles of Scilly", YEAR_2025, { status: "c", value: null }),
    observation("E10000009", "Dorset (historic county)", YEAR_2025, { value: 99 }),
  ],
};

describe("toMapModel", () => {
  const model = toMapModel(boundaries, comparison);

  it("shades councils with a figure by band and hatches the rest", () => {
    const fills = Object.fromEntries(model.areas.map((area) => [area.name, area.fill.value]));
    expect(fills.Cornwall).toEqual({ kind: "colour", colour: SEQUENTIAL_FILLS[0] });
    expect(fills.Dorset).toEqual({ kind: "colour", colour: SEQUENTIAL_FILLS[4] });
    expect(fills["Isles of Scilly"]).toEqual({ kind: "no-figure" });
    expect(model.withFigure).toBe(3);
  });

  it("bands only the councils it can draw", () => {
    expect(model.legends.value.map((item) => item.text)).toEqual([
      "Lowest: 40% (1 council)",
      "50% (1 council)",
      "Highest: 62% (1 council)",
      "No figure (1 council)",
    ]);
    expect(model.legends.value.at(-1)?.areaNames).toEqual(["Isles of Scilly"]);
  });

  it("describes each council in words, Dorset marked as the focus", () => {
    const dorset = model.areas.find((area) => area.isFocus);
    expect(dorset?.description).toBe("Dorset: 62%, better than England");
    expect(model.areas.find((area) => area.name === "Isles of Scilly")?.description).toBe(
      "Isles of Scilly: no figure (c: Suppressed (confidential))",
    );
  });

  it("offers shading by verdict when some council has one, with symbols and counts", () => {
    expect(model.hasVerdicts).toBe(true);
    expect(model.legends.verdict.map((item) => item.text)).toEqual([
      "▲ Better than England (1 council)",
      "◆ Not compared (2 councils)",
      "No figure (1 council)",
    ]);
    expect(model.areas.find((area) => area.isFocus)?.fill.verdict).toEqual({
      kind: "colour",
      colour: VERDICT_FILLS.better,
    });
  });
});
