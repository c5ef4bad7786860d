import { describe, expect, it } from "vitest";
import { toSafeNextPath } from "./next-path.ts";

describe("toSafeNextPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(toSafeNextPath("/admin/users")).toBe("/admin/users");
    expect(toSafeNextPath("/indicators/overall-absence?areas=E06000059")).toBe(
      "/indicators/overall-absence?areas=E06000059",
    );
    expect(toSafeNextPath("/areas/DOR-LAG-DORCHESTER?compare=DOR-LAG-PURBECK#scatter")).toBe(
      "/areas/DOR-LAG-DORCHESTER?compare=DOR-LAG-PURBECK#scatter",
    );
  });

  it("goes to the overview for anything that could leave the site", () => {
    for (const next of [
      "https://evil.example",
      "http://evil.example/areas",
      "//evil.example",
      "///evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/areas\\..\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "javascript:alert(1)",
      "evil.example",
      " /admin/users",
    ]) {
      expect(toSafeNextPath(next), next).toBe("/");
    }
  });

  it("goes to the overview when there is nowhere to go back to, or it is the sign-in page", () => {
    expect(toSafeNextPath(null)).toBe("/");
    expect(toSafeNextPath(undefined)).toBe("/");
    expect(toSafeNextPath("")).toBe("/");
    expect(toSafeNextPath("/sign-in")).toBe("/");
    expect(toSafeNextPath("/sign-in?next=/admin/users")).toBe("/");
    expect(toSafeNextPath("/sign-in-help")).toBe("/sign-in-help");
  });
});
