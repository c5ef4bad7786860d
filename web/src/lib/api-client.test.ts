import { getUploadProgressRoute, getUploadRoute, publishUploadRoute } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { ApiError, credentialsFor, toPath, toQueryString, toRequestInit } from "./api-client.ts";

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

describe("toRequestInit", () => {
  it("sends the CSRF token with changes", () => {
    expect(toRequestInit("POST", undefined, "token-1")).toEqual({
      method: "POST",
      headers: { accept: "application/json", "x-csrf-token": "token-1" },
    });
    expect(toRequestInit("DELETE", undefined, "token-1").headers["x-csrf-token"]).toBe("token-1");
  });

  it("never sends the CSRF token with reads", () => {
    expect(toRequestInit("GET", undefined, "token-1")).toEqual({
      method: "GET",
      headers: { accept: "application/json" },
    });
  });

  it("sends a body as JSON, and no content type without one", () => {
    expect(toRequestInit("POST", { email: "a@example.org" }, null)).toEqual({
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: '{"email":"a@example.org"}',
    });
    expect(toRequestInit("POST", undefined, null).headers).not.toHaveProperty("content-type");
  });

  it("sends a form as it is, leaving its multipart content type to the browser", () => {
    const form = new FormData();
    form.append("note", "new lookup");
    const init = toRequestInit("POST", form, "token-1");
    expect(init.body).toBe(form);
    expect(init.headers).toEqual({ accept: "application/json", "x-csrf-token": "token-1" });
  });
});

describe("credentialsFor", () => {
  it("sends the session cookie to every route but one answered by the key in its url", () => {
    expect(credentialsFor(getUploadRoute)).toBe("same-origin");
    expect(credentialsFor(publishUploadRoute)).toBe("same-origin");
    expect(credentialsFor(getUploadProgressRoute)).toBe("omit");
  });
});
