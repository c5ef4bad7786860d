import type { ReferenceCheck } from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { toPreviewSummary, toProblemCountText, toReferenceKind } from "./reference-kinds.ts";

describe("reference data kinds", () => {
  it("reads the kind from its URL segment, with localities by default and null for an unknown one", () => {
    expect(toReferenceKind(undefined)).toBe("localities");
    expect(toReferenceKind("family-hubs")).toBe("family_hubs");
    expect(toReferenceKind("lookup")).toBe("lookup");
    expect(toReferenceKind("family_hubs")).toBeNull();
  });

  it("summarises a preview and a refusal in words", () => {
    expect(toPreviewSummary({ added: 1, changed: 2, removed: 0, unchanged: 1234, changes: [] })).toBe(
      "1 row added, 2 changed, 0 removed; 1,234 unchanged.",
    );
    const refused = (problemCount: number, listed: number) =>
      ({ problemCount, problems: Array.from({ length: listed }) }) as unknown as ReferenceCheck;
    expect(toProblemCountText(refused(1, 1))).toBe("1 problem");
    expect(toProblemCountText(refused(250, 100))).toBe("250 problems: the first 100 are listed");
  });
});
