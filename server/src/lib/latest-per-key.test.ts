import { describe, expect, it } from "vitest";
import { latestPerKey } from "./latest-per-key.ts";

describe("latestPerKey", () => {
  it("keeps the newest row of each key and counts its versions", () => {
    const rows = [
      { key: "a", text: "first" },
      { key: "b", text: "only" },
      { key: "a", text: "second" },
    ];
    expect(latestPerKey(rows, (row) => row.key)).toEqual([
      { latest: { key: "a", text: "second" }, version: 2 },
      { latest: { key: "b", text: "only" }, version: 1 },
    ]);
  });
});
