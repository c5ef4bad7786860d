import type { Area } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { toAreaChoices } from "./to-area-choices.ts";

const area = (
  code: string,
  type: string,
  name: string,
  parentCode: string | null,
  validTo: string | null = null,
): Area => ({
  code,
  type,
  name,
  parentCode,
  validTo,
  validFrom: null,
  onsCode: null,
  dfeCode: null,
  note: "",
});

const areas = [
  area("E92000001", "country", "England", null),
  area("E12000009", "region", "South West", "E92000001"),
  area("E06000059", "local_authority", "Dorset", "E12000009"),
  area("E06000058", "local_authority", "Bournemouth, Christchurch and Poole", "E12000009"),
  area("LOC-CHESIL", "locality", "Chesil", "E06000059"),
  area("LAG-CHESIL", "lag_area", "Chesil LAG", "LOC-CHESIL", "2023-10-03"),
  area("LAG-OTHER", "lag_area", "Somewhere else LAG", "LOC-ELSEWHERE"),
];

describe("toAreaChoices", () => {
  it("offers the council, its localities and their LAG areas, in groups", () => {
    expect(toAreaChoices(areas, "E06000059")).toEqual([
      { label: "Council", options: [{ code: "E06000059", label: "Dorset" }] },
      { label: "Localities", options: [{ code: "LOC-CHESIL", label: "Chesil" }] },
      {
        label: "Local Alliance Group areas",
        options: [{ code: "LAG-CHESIL", label: "Chesil LAG (to 3 October 2023)" }],
      },
    ]);
  });

  it("leaves out empty groups", () => {
    expect(toAreaChoices(areas.slice(0, 3), "E06000059")).toEqual([
      { label: "Council", options: [{ code: "E06000059", label: "Dorset" }] },
    ]);
  });
});
