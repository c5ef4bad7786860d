import { describe, expect, it } from "vitest";
import { formatRole, formatRoleChoice, formatRoleWithArticle, ROLE_ORDER } from "./format-role.ts";

describe("formatRole", () => {
  it("names each role in words", () => {
    expect(ROLE_ORDER.map(formatRole)).toEqual(["viewer", "locality lead", "analyst", "administrator"]);
  });
});

describe("formatRoleWithArticle", () => {
  it("takes a or an as spoken", () => {
    expect(formatRoleWithArticle("administrator")).toBe("an administrator");
    expect(formatRoleWithArticle("analyst")).toBe("an analyst");
    expect(formatRoleWithArticle("viewer")).toBe("a viewer");
    expect(formatRoleWithArticle("locality_lead")).toBe("a locality lead");
  });
});

describe("formatRoleChoice", () => {
  it("joins the roles with or", () => {
    expect(formatRoleChoice(["administrator"])).toBe("an administrator");
    expect(formatRoleChoice(["analyst", "administrator"])).toBe("an analyst or an administrator");
    expect(formatRoleChoice(["viewer", "analyst", "administrator"])).toBe("a viewer, an analyst or an administrator");
  });
});
