import { describe, expect, it } from "vitest";
import { validateNewToken } from "./validate-new-token.ts";

describe("validateNewToken", () => {
  it("passes a name and a whole number of days", () => {
    expect(validateNewToken({ name: " Nightly load ", expiresInDays: "90" })).toEqual({
      ok: true,
      value: { name: "Nightly load", expiresInDays: 90 },
    });
  });

  it("asks for a name and days", () => {
    expect(validateNewToken({ name: "", expiresInDays: "" })).toEqual({
      ok: false,
      errors: [
        { field: "name", message: "Enter a name for the token, such as what will use it" },
        { field: "expiresInDays", message: "Enter how many days the token should last" },
      ],
    });
  });

  it("keeps days from 1 to 366, whole", () => {
    for (const days of ["0", "367", "1.5", "-3", "ten"]) {
      expect(validateNewToken({ name: "x", expiresInDays: days })).toEqual({
        ok: false,
        errors: [{ field: "expiresInDays", message: "Days must be a whole number from 1 to 366" }],
      });
    }
    expect(validateNewToken({ name: "x", expiresInDays: "366" }).ok).toBe(true);
  });
});
