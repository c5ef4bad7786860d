import { ApiError } from "./api-client.ts";

/** One thing to fix in a form: which field (its name), and what to do, in words. */
export interface FieldError<F extends string = string> {
  field: F;
  message: string;
}

export type Validated<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FieldError<F>[] };

/** The message of a field's error, if it has one. */
export function errorFor<F extends string>(errors: readonly FieldError<F>[], field: F): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

/**
 * The API's refusal of a form, as an error on a field: the field the problem names when the form has it
 * (`parameter: "areaCodes"`), else `fallback`. The message is the API's own detail.
 */
export function toFieldErrorsFromProblem<F extends string>(
  error: unknown,
  fields: readonly F[],
  fallback: F,
): FieldError<F>[] {
  if (!(error instanceof ApiError)) {
    return [{ field: fallback, message: "Sorry, there is a problem with the service. Try again later." }];
  }
  const parameter = error.problem?.parameter?.split("/")[0];
  const field = fields.find((candidate) => candidate === parameter) ?? fallback;
  return [{ field, message: error.message }];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A plausible email address; the server checks it again. */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value) && value.length <= 254;
}
