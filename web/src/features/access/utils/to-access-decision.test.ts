import { describe, expect, it } from "vitest";
import { toAccessDecision } from "./to-access-decision.ts";

describe("toAccessDecision", () => {
  it("lets only administrators use an administrators' page", () => {
    expect(toAccessDecision(["administrator"], "administrator")).toEqual({ kind: "allowed" });
    for (const role of ["viewer", "locality_lead", "analyst"] as const) {
      expect(toAccessDecision(["administrator"], role)).toEqual({
        kind: "forbidden",
        heading: "You need to be an administrator to see this page",
      });
    }
  });

  it("asks anonymous people to sign in, saying which role the page needs", () => {
    expect(toAccessDecision(["administrator"], null)).toEqual({
      kind: "sign-in",
      heading: "You need to be an administrator to see this page",
    });
    expect(toAccessDecision("signed-in", null)).toEqual({
      kind: "sign-in",
      heading: "You need to sign in to see this page",
    });
  });

  it("lets anyone signed in use a signed-in page", () => {
    expect(toAccessDecision("signed-in", "viewer")).toEqual({ kind: "allowed" });
  });

  it("lets everyone use open and published pages", () => {
    expect(toAccessDecision("open", null)).toEqual({ kind: "allowed" });
    expect(toAccessDecision("published", null)).toEqual({ kind: "allowed" });
  });
});
