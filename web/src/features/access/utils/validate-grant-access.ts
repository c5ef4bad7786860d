import type { Role } from "@plan-outcomes/server/contract";
import { type FieldError, isEmailAddress, type Validated } from "../../../lib/field-errors.ts";
import { ROLE_ORDER } from "./format-role.ts";

export type GrantField = "email" | "displayName" | "role" | "areaCodes" | "password";

export interface GrantAccessInput {
  email: string;
  displayName: string;
  role: Role;
  areaCodes: string[];
  password?: string;
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_AREAS_PER_ACCOUNT = 20;

/** Checks the grant-access form as the API will (POST /api/users), so most mistakes are caught at once. */
export function validateGrantAccess(input: {
  email: string;
  displayName: string;
  role: string;
  areaCodes: readonly string[];
  password: string;
}): Validated<GrantAccessInput, GrantField> {
  const email = input.email.trim();
  const displayName = input.displayName.trim();
  const role = ROLE_ORDER.find((candidate) => candidate === input.role);
  const areaCodes = [...new Set(input.areaCodes)];
  const errors: FieldError<GrantField>[] = [];

  if (!email) errors.push({ field: "email", message: "Enter the person's email address" });
  else if (!isEmailAddress(email)) {
    errors.push({ field: "email", message: "Enter an email address in the correct format, like name@example.org" });
  }
  if (!displayName) errors.push({ field: "displayName", message: "Enter the person's name" });
  else if (displayName.length > 200)
    errors.push({ field: "displayName", message: "Name must be 200 characters or fewer" });
  if (!role) errors.push({ field: "role", message: "Choose a role" });
  if (role === "locality_lead" && areaCodes.length === 0) {
    errors.push({ field: "areaCodes", message: "Choose at least one locality or LAG area for a locality lead" });
  }
  if (areaCodes.length > MAX_AREAS_PER_ACCOUNT) {
    errors.push({ field: "areaCodes", message: `Choose ${MAX_AREAS_PER_ACCOUNT} areas or fewer` });
  }
  if (input.password && input.password.length < MIN_PASSWORD_LENGTH) {
    errors.push({
      field: "password",
      message: `Password must be ${MIN_PASSWORD_LENGTH} characters or more, or leave it blank`,
    });
  } else if (input.password.length > 200) {
    errors.push({ field: "password", message: "Password must be 200 characters or fewer" });
  }

  if (errors.length || !role) return { ok: false, errors };
  return {
    ok: true,
    value: { email, displayName, role, areaCodes, ...(input.password ? { password: input.password } : {}) },
  };
}
