import type { Area } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { toAreaGroups } from "./to-area-groups.ts";

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
  area("E12000008", "region", "South East", "E92000001"),
  area("E10000008", "local_authority", "Devon", "E12000009"),
  area("E06000059", "local_authority", "Dorset", "E12000009"),
  area("E10000009", "local_authority", "Dorset County Council", "E12000009", "2019-03-31"),
  area("E10000014", "local_authority", "Hampshire", "E12000008"),
  area("LOC-CHESIL", "locality", "Chesil", "E06000059"),
  area("LAG-PORTLAND", "lag_area", "Portland LAG", "LOC-CHESIL"),
];

describe("toAreaGroups", () => {
  it("groups from local to national: council, localities, LAGs, region and England, then the region's councils", () => {
    expect(toAreaGroups(areas, "E06000059")).toEqual([
      { legend: "Council", areas: [{ code: "E06000059", label: "Dorset" }] },
      { legend: "Localities", areas: [{ code: "LOC-CHESIL", label: "Chesil" }] },
      { legend: "Local Alliance Group areas", areas: [{ code: "LAG-PORTLAND", label: "Portland LAG" }] },
      {
        legend: "Region and England",
        areas: [
          { code: "E12000009", label: "South West" },
          { code: "E92000001", label: "England" },
        ],
      },
      {
        legend: "Other councils in the region",
        areas: [
          { code: "E10000008", label: "Devon" },
          { code: "E10000009", label: "Dorset County Council (to 31 March 2019)" },
        ],
      },
    ]);
  });
});
