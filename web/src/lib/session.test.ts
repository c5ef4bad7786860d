import { afterEach, describe, expect, it } from "vitest";
import { currentCsrfToken, isStateChanging, rememberCsrfToken } from "./session.ts";

describe("isStateChanging", () => {
  it("is true for the methods that change things", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "delete"]) expect(isStateChanging(method)).toBe(true);
  });

  it("is false for reads", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(isStateChanging(method)).toBe(false);
  });
});

describe("rememberCsrfToken", () => {
  afterEach(() => rememberCsrfToken(null));

  it("keeps the last token until forgotten", () => {
    expect(currentCsrfToken()).toBeNull();
    rememberCsrfToken("abc");
    expect(currentCsrfToken()).toBe("abc");
    rememberCsrfToken(null);
    expect(currentCsrfToken()).toBeNull();
  });
});
