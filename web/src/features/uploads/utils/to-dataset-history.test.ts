import { describe, expect, it } from "vitest";
import { currentVersion, formatVersionStatus } from "./to-dataset-history.ts";

const version = (number: number, status: string) => ({
  version: number,
  status,
  fileName: "a.csv",
  observationCount: 10,
  note: "",
  createdBy: "ana@example.org",
  publishedAt: "2026-11-22T10:00:00Z",
  restoresVersion: null,
  fileUrl: null,
});

describe("currentVersion", () => {
  it("is the newest published version, whatever the order", () => {
    expect(
      currentVersion({ versions: [version(1, "superseded"), version(3, "published"), version(2, "superseded")] })
        ?.version,
    ).toBe(3);
  });

  it("is none when no version is published", () => {
    expect(currentVersion({ versions: [version(1, "draft")] })).toBeUndefined();
    expect(currentVersion({ versions: [] })).toBeUndefined();
  });
});

describe("formatVersionStatus", () => {
  it("says current for the current version and names the others", () => {
    expect(formatVersionStatus("published", true)).toBe("Current");
    expect(formatVersionStatus("superseded", false)).toBe("Replaced");
    expect(formatVersionStatus("rolled_back", false)).toBe("Rolled back");
    expect(formatVersionStatus("something-new", false)).toBe("something-new");
  });
});
