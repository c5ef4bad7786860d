import type { AreaProfile } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { chooseAxes, toScatterAxes } from "./to-scatter-axes.ts";

const indicator = (code: string, hasSpread: boolean) => ({
  indicator: { code, title: code, unit: "%", decimalPlaces: 1 },
  area: {
    latest: { period: { code: "202324", label: "2023/24" } },
    spread: hasSpread ? { min: 1, max: 2 } : null,
  },
});

const profileWith = (values: (number | null)[], isIllustrative = true) =>
  ({
    priorities: [{ indicators: [indicator("a", true), indicator("b", false), indicator("c", true)] }],
    deprivation: {
      indicatorCode: "imd-2019-rank",
      label: "Average IMD 2019 rank of its LSOAs",
      description: "How it is built.",
      isIllustrative,
      lookup: { version: 1, note: "Placed by district name." },
      areas: values.map((value, index) => ({
        areaCode: `L${index}`,
        areaName: `Locality ${index}`,
        value,
        memberCount: value === null ? 0 : 10,
        withFigure: value === null ? 0 : 10,
        weighted: false,
      })),
    },
  }) as unknown as AreaProfile;

describe("the scatter's measures", () => {
  it("offers deprivation first, badged illustrative, then indicators with figures for the siblings", () => {
    const axes = toScatterAxes(profileWith([100, 200, 300]));
    expect(axes.map((axis) => axis.code)).toEqual(["imd-2019-rank", "a", "c"]);
    expect(axes[0]?.title).toBe("Deprivation: average IMD 2019 rank of its LSOAs (illustrative)");
    expect(axes[0]?.note).toContain("Illustrative: Placed by district name.");
    expect(axes[0]?.figures?.map((figure) => figure.value)).toEqual([100, 200, 300]);
    expect(toScatterAxes(profileWith([100, 200, 300], false))[0]?.note).toBe("How it is built.");
  });

  it("leaves deprivation out when fewer than three areas have it", () => {
    expect(toScatterAxes(profileWith([100, null, 300])).map((axis) => axis.code)).toEqual(["a", "c"]);
  });

  it("plots the measures asked for, or the first two", () => {
    const axes = toScatterAxes(profileWith([100, 200, 300]));
    expect(chooseAxes(axes, { x: null, y: null })).toMatchObject({ x: { code: "imd-2019-rank" }, y: { code: "a" } });
    expect(chooseAxes(axes, { x: "c", y: "unknown" })).toMatchObject({ x: { code: "c" }, y: { code: "a" } });
    expect(chooseAxes(axes.slice(0, 1), { x: null, y: null })).toBeNull();
  });
});
