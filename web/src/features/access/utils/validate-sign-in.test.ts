import { describe, expect, it } from "vitest";
import { validateSignIn } from "./validate-sign-in.ts";

describe("validateSignIn", () => {
  it("passes an email and password, the email trimmed", () => {
    expect(validateSignIn({ email: " ada@example.org ", password: "x" })).toEqual({
      ok: true,
      value: { email: "ada@example.org", password: "x" },
    });
  });

  it("asks for both, in the order of the form", () => {
    expect(validateSignIn({ email: "", password: "" })).toEqual({
      ok: false,
      errors: [
        { field: "email", message: "Enter your email address" },
        { field: "password", message: "Enter your password" },
      ],
    });
  });

  it("says how an email address looks", () => {
    expect(validateSignIn({ email: "ada", password: "x" })).toEqual({
      ok: false,
      errors: [{ field: "email", message: "Enter an email address in the correct format, like name@example.org" }],
    });
  });
});
