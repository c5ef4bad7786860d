import { describe, expect, it } from "vitest";
import { ApiError, toPath, toQueryString } from "./api-client.ts";

describe("toPath", () => {
  it("fills each parameter of the route url, encoded", () => {
    expect(toPath("/api/indicators/:code/observations", { code: "care-leavers-eet-19-21" })).toBe(
      "/api/indicators/care-leavers-eet-19-21/observations",
    );
    expect(toPath("/api/plans/:plan/summary", { plan: "a b/c" })).toBe("/api/plans/a%20b%2Fc/summary");
  });

  it("throws when a parameter is missing", () => {
    expect(() => toPath("/api/indicators/:code", {})).toThrow(/code/);
  });
});

describe("toQueryString", () => {
  it("keeps only the defined entries", () => {
    expect(toQueryString({ areas: "E06000059,E92000001", periods: undefined, search: "" })).toBe(
      "?areas=E06000059%2CE92000001",
    );
  });

  it("is empty without a query", () => {
    expect(toQueryString(undefined)).toBe("");
    expect(toQueryString({})).toBe("");
  });
});

describe("ApiError", () => {
  it("carries the problem details and uses their detail as its message", () => {
    const problem = { type: "about:blank", title: "Not found", status: 404, detail: 'No indicator with code "nope"' };
    const error = new ApiError(404, problem, "fallback");
    expect(error.message).toBe('No indicator with code "nope"');
    expect(error.problem).toEqual(problem);
    expect(error.isNotFound).toBe(true);
  });
});
