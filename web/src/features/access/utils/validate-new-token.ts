import type { FieldError, Validated } from "../../../lib/field-errors.ts";

export type NewTokenField = "name" | "expiresInDays";

export const MAX_TOKEN_DAYS = 366;

/** Checks the new-token form as the API will (POST /api/tokens). */
export function validateNewToken(input: {
  name: string;
  expiresInDays: string;
}): Validated<{ name: string; expiresInDays: number }, NewTokenField> {
  const name = input.name.trim();
  const daysText = input.expiresInDays.trim();
  const days = Number(daysText);
  const errors: FieldError<NewTokenField>[] = [];
  if (!name) errors.push({ field: "name", message: "Enter a name for the token, such as what will use it" });
  else if (name.length > 100) errors.push({ field: "name", message: "Name must be 100 characters or fewer" });
  if (!daysText) errors.push({ field: "expiresInDays", message: "Enter how many days the token should last" });
  else if (!/^\d+$/.test(daysText) || days < 1 || days > MAX_TOKEN_DAYS) {
    errors.push({ field: "expiresInDays", message: `Days must be a whole number from 1 to ${MAX_TOKEN_DAYS}` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: { name, expiresInDays: days } };
}
