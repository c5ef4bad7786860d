import { describe, expect, it } from "vitest";
import { validateGrantAccess } from "./validate-grant-access.ts";

const valid = {
  email: "chair@example.org",
  displayName: "Sam Chair",
  role: "locality_lead",
  areaCodes: ["DOR-LOC-CHESIL"],
  password: "",
};

describe("validateGrantAccess", () => {
  it("passes a locality lead with an area, leaving out a blank password", () => {
    expect(validateGrantAccess(valid)).toEqual({
      ok: true,
      value: {
        email: "chair@example.org",
        displayName: "Sam Chair",
        role: "locality_lead",
        areaCodes: ["DOR-LOC-CHESIL"],
      },
    });
  });

  it("keeps an initial password of 12 characters or more", () => {
    const result = validateGrantAccess({ ...valid, role: "viewer", areaCodes: [], password: "twelve chars" });
    expect(result).toMatchObject({ ok: true, value: { password: "twelve chars", areaCodes: [] } });
  });

  it("asks for an area for a locality lead", () => {
    expect(validateGrantAccess({ ...valid, areaCodes: [] })).toEqual({
      ok: false,
      errors: [{ field: "areaCodes", message: "Choose at least one locality or LAG area for a locality lead" }],
    });
  });

  it("lists every problem in the order of the form", () => {
    const result = validateGrantAccess({ email: "nope", displayName: " ", role: "", areaCodes: [], password: "short" });
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual([
      "email",
      "displayName",
      "role",
      "password",
    ]);
  });

  it("refuses a role the API does not know", () => {
    expect(validateGrantAccess({ ...valid, role: "superuser" })).toMatchObject({
      ok: false,
      errors: [{ field: "role", message: "Choose a role" }],
    });
  });
});
