import type { FieldError, Validated } from "../../../lib/field-errors.ts";

export type AuditFilterField = "action" | "from" | "to";

export interface AuditFilter {
  action?: string;
  from?: string;
  to?: string;
}

/** The kinds of event the audit trail records, for the hint beside the filter. */
export const AUDIT_ACTIONS = [
  "sign-in",
  "sign-out",
  "token.create",
  "token.use",
  "token.revoke",
  "access.grant",
  "access.change",
] as const;

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * The audit filters from the URL or the form, checked as the API checks them (GET /api/audit), so a
 * mistyped address explains itself. Blank filters are left out.
 */
export function toAuditFilter(input: {
  action?: string | null;
  from?: string | null;
  to?: string | null;
}): Validated<AuditFilter, AuditFilterField> {
  const action = input.action?.trim().toLowerCase() ?? "";
  const from = input.from?.trim() ?? "";
  const to = input.to?.trim() ?? "";
  const errors: FieldError<AuditFilterField>[] = [];
  if (action && !/^[a-z.-]{1,60}$/.test(action)) {
    errors.push({
      field: "action",
      message: "Action must be letters, dots and hyphens only (60 or fewer), like sign-in or token",
    });
  }
  if (from && !isDate(from)) errors.push({ field: "from", message: "From must be a real date" });
  if (to && !isDate(to)) errors.push({ field: "to", message: "To must be a real date" });
  if (from && to && isDate(from) && isDate(to) && from > to) {
    errors.push({ field: "to", message: "To must be the same as or after From" });
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { ...(action ? { action } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) },
  };
}
