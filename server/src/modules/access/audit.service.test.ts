import { describe, expect, it } from "vitest";
import { toUtcDayRange } from "./audit.service.ts";

describe("toUtcDayRange", () => {
  it("covers whole UTC days, the last day to its final instant", () => {
    const { from, before } = toUtcDayRange({ from: "2026-11-22", to: "2026-11-22" });
    expect(from?.toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(before?.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("keeps UTC in British Summer Time and across the year's end", () => {
    expect(toUtcDayRange({ from: "2026-07-01" }).from?.toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(toUtcDayRange({ to: "2026-12-31" }).before?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(toUtcDayRange({ to: "2026-03-29" }).before?.toISOString()).toBe("2026-03-30T00:00:00.000Z");
  });

  it("leaves out a bound not asked for", () => {
    expect(toUtcDayRange({})).toEqual({});
    expect(Object.keys(toUtcDayRange({ to: "2026-11-22" }))).toEqual(["before"]);
  });
});
