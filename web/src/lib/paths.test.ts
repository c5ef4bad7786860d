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

describe("upload and dataset paths", () => {
  it("gives each upload and dataset its own shareable address", () => {
    expect(paths.uploads()).toBe("/uploads");
    expect(paths.upload(12)).toBe("/uploads/12");
    expect(paths.datasets()).toBe("/datasets");
    expect(paths.dataset("care-leavers.v2")).toBe("/datasets/care-leavers.v2");
  });
});

describe("toCodeList", () => {
  it("splits, trims and removes blanks and repeats", () => {
    expect(toCodeList("A, B,,A,C")).toEqual(["A", "B", "C"]);
    expect(toCodeList(null)).toEqual([]);
    expect(toCodeList("")).toEqual([]);
  });
});

describe("access paths", () => {
  it("builds the sign-in address with where to come back to", () => {
    expect(paths.signIn()).toBe("/sign-in");
    expect(paths.signIn("/")).toBe("/sign-in");
    expect(paths.signIn("/admin/audit?action=sign-in")).toBe("/sign-in?next=%2Fadmin%2Faudit%3Faction%3Dsign-in");
  });

  it("sends single sign-on off with where to come back to", () => {
    expect(paths.singleSignOn()).toBe("/api/auth/oidc/start");
    expect(paths.singleSignOn("/")).toBe("/api/auth/oidc/start");
    expect(paths.singleSignOn("/areas/DOR-LAG-PURBECK?compare=DOR-LAG-PORTLAND")).toBe(
      "/api/auth/oidc/start?next=%2Fareas%2FDOR-LAG-PURBECK%3Fcompare%3DDOR-LAG-PORTLAND",
    );
  });

  it("keeps the audit filters in the page and export addresses alike", () => {
    const filter = { action: "token", from: "2026-01-01", to: undefined };
    expect(paths.audit(filter)).toBe("/admin/audit?action=token&from=2026-01-01");
    expect(paths.auditExport(filter)).toBe("/api/audit/export?action=token&from=2026-01-01");
    expect(paths.audit()).toBe("/admin/audit");
  });
});
