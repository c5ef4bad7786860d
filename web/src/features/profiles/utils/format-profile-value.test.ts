import { describe, expect, it } from "vitest";
import { formatMissingReason } from "./format-profile-value.ts";

describe("formatMissingReason", () => {
  it("explains suppression with the indicator's threshold", () => {
    expect(formatMissingReason("c", 5)).toBe(
      "Suppressed: a count of fewer than 6, too few to publish without risk of identifying children",
    );
    expect(formatMissingReason("c", null)).toBe("Suppressed (confidential)");
  });

  it("words the other symbols and says nothing for a value", () => {
    expect(formatMissingReason("x", 5)).toBe("Not available");
    expect(formatMissingReason("value", 5)).toBeNull();
    expect(formatMissingReason(null, 5)).toBeNull();
  });
});
