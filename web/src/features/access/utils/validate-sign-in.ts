import { type FieldError, isEmailAddress, type Validated } from "../../../lib/field-errors.ts";

export type SignInField = "email" | "password";

/** Checks the sign-in form before it is sent; the server still decides. */
export function validateSignIn(input: {
  email: string;
  password: string;
}): Validated<{ email: string; password: string }, SignInField> {
  const email = input.email.trim();
  const errors: FieldError<SignInField>[] = [];
  if (!email) errors.push({ field: "email", message: "Enter your email address" });
  else if (!isEmailAddress(email)) {
    errors.push({ field: "email", message: "Enter an email address in the correct format, like name@example.org" });
  }
  if (!input.password) errors.push({ field: "password", message: "Enter your password" });
  return errors.length ? { ok: false, errors } : { ok: true, value: { email, password: input.password } };
}
