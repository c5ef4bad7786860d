import { describe, expect, it } from "vitest";
import { toTokenStatus } from "./to-token-status.ts";

const now = new Date("2026-06-01T12:00:00Z");

describe("toTokenStatus", () => {
  it("is active until it expires", () => {
    expect(toTokenStatus({ expiresAt: "2026-06-02T00:00:00Z", revokedAt: null }, now)).toBe("active");
    expect(toTokenStatus({ expiresAt: "2026-06-01T12:00:00Z", revokedAt: null }, now)).toBe("expired");
  });

  it("is revoked once revoked, expired or not", () => {
    expect(toTokenStatus({ expiresAt: "2026-06-02T00:00:00Z", revokedAt: "2026-05-01T00:00:00Z" }, now)).toBe(
      "revoked",
    );
    expect(toTokenStatus({ expiresAt: "2026-01-01T00:00:00Z", revokedAt: "2025-12-01T00:00:00Z" }, now)).toBe(
      "revoked",
    );
  });
});
