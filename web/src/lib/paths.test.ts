import { describe, expect, it } from "vitest";
import { paths, toCodeList } from "./paths.ts";

describe("paths", () => {
  it("builds the overview address with its choices", () => {
    expect(paths.overview()).toBe("/");
    expect(paths.overview({ plan: "cypf-2023-2033", area: "E06000059" })).toBe("/?plan=cypf-2023-2033&area=E06000059");
  });

  it("builds an indicator address with readable area lists", () => {
    expect(paths.indicator("overall-absence")).toBe("/indicators/overall-absence");
    expect(paths.indicator("overall-absence", { areas: ["E06000059", "E92000001"] })).toBe(
      "/indicators/overall-absence?areas=E06000059,E92000001",
    );
  });
});

describe("toCodeList", () => {
  it("splits, trims and removes blanks and repeats", () => {
    expect(toCodeList("A, B,,A,C")).toEqual(["A", "B", "C"]);
    expect(toCodeList(null)).toEqual([]);
    expect(toCodeList("")).toEqual([]);
  });
});
