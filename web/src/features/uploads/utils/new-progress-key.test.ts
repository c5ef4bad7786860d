import { describe, expect, it } from "vitest";
import { newProgressKey } from "./new-progress-key.ts";

describe("newProgressKey", () => {
  it("is 32 hexadecimal digits, as the server's pattern asks, and different each time", () => {
    const keys = new Set(Array.from({ length: 50 }, () => newProgressKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
