import { describe, expect, it } from "vitest";
import { currentVersion, formatVersionStatus, toVersionFile } from "./to-dataset-history.ts";

const version = (
  number: number,
  status: string,
  more: { restoresVersion?: number | null; fileUrl?: string | null } = {},
) => ({
  version: number,
  status,
  fileName: "a.csv",
  observationCount: 10,
  note: "",
  createdBy: "ana@example.org",
  publishedAt: "2026-11-22T10:00:00Z",
  restoresVersion: more.restoresVersion ?? null,
  fileUrl: more.fileUrl ?? null,
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
    expect(formatVersionStatus("published", false)).toBe("Replaced");
    expect(formatVersionStatus("superseded", false)).toBe("Replaced");
    expect(formatVersionStatus("rolled_back", false)).toBe("Rolled back");
    expect(formatVersionStatus("something-new", false)).toBe("something-new");
  });
});

describe("toVersionFile", () => {
  const v1 = version(1, "published", { fileUrl: "/api/uploads/1/file" });
  const v2 = version(2, "published", { fileUrl: "/api/uploads/2/file" });
  const v3 = version(3, "published", { restoresVersion: 1 });
  const v4 = version(4, "published", { restoresVersion: 3 });
  const seeded = version(5, "published");
  const dataset = { versions: [seeded, v4, v3, v2, v1] };

  it("gives an uploaded version its own file", () => {
    expect(toVersionFile(dataset, v2)).toEqual({ url: "/api/uploads/2/file", fromVersion: null });
  });

  it("gives a restore the file of the version it restores, through restores of restores", () => {
    expect(toVersionFile(dataset, v3)).toEqual({ url: "/api/uploads/1/file", fromVersion: 1 });
    expect(toVersionFile(dataset, v4)).toEqual({ url: "/api/uploads/1/file", fromVersion: 1 });
  });

  it("gives nothing for a version loaded without an upload", () => {
    expect(toVersionFile(dataset, seeded)).toBeNull();
  });
});
