import type { Area } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { toValidityNote } from "./to-validity-note.ts";

const area = (code: string, name: string, validFrom: string | null, validTo: string | null): Area => ({
  code,
  type: "lag_area",
  name,
  onsCode: null,
  dfeCode: null,
  parentCode: "DOR-LOC-CHESIL",
  validFrom,
  validTo,
  note: "",
});

const chesil = area("DOR-LAG-CHESIL", "Chesil LAG", "2020-09-01", "2023-10-03");
const weymouth = area("DOR-LAG-WEYMOUTH", "Weymouth LAG", "2023-10-04", null);
const portland = area("DOR-LAG-PORTLAND", "Portland LAG", "2023-10-04", null);
const purbeck = { ...area("DOR-LAG-PURBECK", "Purbeck LAG", "2020-09-01", null), parentCode: "DOR-LOC-PURBECK" };
const areas = [chesil, weymouth, portland, purbeck];

describe("toValidityNote", () => {
  it("says when an area ended and which areas followed it", () => {
    expect(toValidityNote(chesil, areas)).toBe(
      "The Chesil LAG existed only until 3 October 2023: its figures stop there. From 4 October 2023 its place was taken by the Weymouth LAG and the Portland LAG, each with its own profile. Their figures are never joined to this one's.",
    );
  });

  it("says when an area began and which area it was part of", () => {
    expect(toValidityNote(portland, areas)).toBe(
      "The Portland LAG began on 4 October 2023: its figures start then. Before that its area was part of the Chesil LAG, whose figures are on its own profile and never joined to these.",
    );
  });

  it("leaves councils to their own notes: a reorganisation is not a one-to-one succession", () => {
    const county = {
      ...chesil,
      code: "E10000009",
      type: "local_authority",
      name: "Dorset County Council",
      parentCode: "SW",
      validTo: "2019-03-31",
    };
    const council = {
      ...weymouth,
      code: "E06000059",
      type: "local_authority",
      name: "Dorset",
      parentCode: "SW",
      validFrom: "2019-04-01",
    };
    expect(toValidityNote(council, [county, council])).toBeNull();
  });

  it("says nothing for an area with an unbroken series", () => {
    expect(toValidityNote(purbeck, areas)).toBeNull();
  });
});
