import { describe, expect, it } from "vitest";
import { toAuditFilter } from "./to-audit-filter.ts";

describe("toAuditFilter", () => {
  it("keeps the filters given, lower-cased and trimmed, and leaves out blanks", () => {
    expect(toAuditFilter({ action: " Access ", from: "2026-01-01", to: "" })).toEqual({
      ok: true,
      value: { action: "access", from: "2026-01-01" },
    });
    expect(toAuditFilter({ action: null, from: null, to: null })).toEqual({ ok: true, value: {} });
  });

  it("refuses an action the API would refuse", () => {
    expect(toAuditFilter({ action: "sign in; drop" })).toMatchObject({ ok: false, errors: [{ field: "action" }] });
  });

  it("refuses dates that do not exist", () => {
    expect(toAuditFilter({ from: "2026-02-30", to: "yesterday" })).toEqual({
      ok: false,
      errors: [
        { field: "from", message: "From must be a real date" },
        { field: "to", message: "To must be a real date" },
      ],
    });
  });

  it("refuses a range that ends before it starts", () => {
    expect(toAuditFilter({ from: "2026-03-02", to: "2026-03-01" })).toEqual({
      ok: false,
      errors: [{ field: "to", message: "To must be the same as or after From" }],
    });
    expect(toAuditFilter({ from: "2026-03-01", to: "2026-03-01" }).ok).toBe(true);
  });
});
