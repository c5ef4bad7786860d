import { describe, expect, it } from "vitest";
import { ApiError } from "./api-client.ts";
import { errorFor, isEmailAddress, toFieldErrorsFromProblem } from "./field-errors.ts";

const problem = (status: number, detail: string, parameter?: string) =>
  new ApiError(status, { type: "about:blank", title: "Bad request", status, detail, parameter }, "fallback");

describe("toFieldErrorsFromProblem", () => {
  it("puts the API's detail on the field it names", () => {
    const error = problem(400, "A locality lead needs at least one locality or LAG area", "areaCodes");
    expect(toFieldErrorsFromProblem(error, ["email", "areaCodes"], "email")).toEqual([
      { field: "areaCodes", message: "A locality lead needs at least one locality or LAG area" },
    ]);
  });

  it("puts it on the fallback field when it names none the form has", () => {
    expect(toFieldErrorsFromProblem(problem(401, "Email or password is not right."), ["email"], "email")).toEqual([
      { field: "email", message: "Email or password is not right." },
    ]);
    expect(toFieldErrorsFromProblem(problem(400, "Invalid", "body"), ["email"], "email")[0]?.field).toBe("email");
  });

  it("says the service failed when the error is not the API's", () => {
    expect(toFieldErrorsFromProblem(new TypeError("Failed to fetch"), ["email"], "email")).toEqual([
      { field: "email", message: "Sorry, there is a problem with the service. Try again later." },
    ]);
  });
});

describe("errorFor", () => {
  it("finds a field's message", () => {
    const errors = [{ field: "email", message: "Enter an email address" }];
    expect(errorFor(errors, "email")).toBe("Enter an email address");
    expect(errorFor(errors, "password")).toBeUndefined();
  });
});

describe("isEmailAddress", () => {
  it("accepts addresses and refuses what is not one", () => {
    expect(isEmailAddress("lag.chair@dorsetcouncil.gov.uk")).toBe(true);
    expect(isEmailAddress("lag.chair")).toBe(false);
    expect(isEmailAddress("a @b.org")).toBe(false);
    expect(isEmailAddress("")).toBe(false);
  });
});
