import { describe, expect, it } from "vitest";
import { targetInView, targetStatus } from "./target-status.ts";

const target = (periodEndsOn: string, targetValue: number) => ({
  periodCode: periodEndsOn.slice(0, 4),
  periodLabel: periodEndsOn.slice(0, 4),
  periodEndsOn,
  targetValue,
  baselineValue: null,
});

describe("targetInView", () => {
  const targets = [target("2028-08-31", 95), target("2025-08-31", 92), target("2033-08-31", 97)];

  it("reads a figure against the first target due on or after its period", () => {
    expect(targetInView(targets, "2024-08-31")?.targetValue).toBe(92);
    expect(targetInView(targets, "2025-08-31")?.targetValue).toBe(92);
    expect(targetInView(targets, "2026-08-31")?.targetValue).toBe(95);
  });

  it("falls back to the last target once all are past", () => {
    expect(targetInView(targets, "2034-08-31")?.targetValue).toBe(97);
  });

  it("has nothing to show without targets", () => expect(targetInView([], "2024-08-31")).toBeNull());
});

describe("targetStatus", () => {
  const due2028 = target("2028-08-31", 95);

  it("is met when the figure is at or beyond the target in the better direction", () => {
    expect(targetStatus(due2028, { value: 95, periodEndsOn: "2024-08-31" }, "higher_is_better")).toBe("met");
    expect(targetStatus(due2028, { value: 90, periodEndsOn: "2024-08-31" }, "lower_is_better")).toBe("met");
  });

  it("is not yet met while the target's period is still to come", () => {
    expect(targetStatus(due2028, { value: 93, periodEndsOn: "2024-08-31" }, "higher_is_better")).toBe("not_yet_met");
  });

  it("is missed once the target's period has passed unmet", () => {
    expect(targetStatus(due2028, { value: 93, periodEndsOn: "2028-08-31" }, "higher_is_better")).toBe("missed");
    expect(targetStatus(due2028, { value: 96, periodEndsOn: "2029-08-31" }, "lower_is_better")).toBe("missed");
  });

  it("is not assessed where neither direction is better", () => {
    expect(targetStatus(due2028, { value: 93, periodEndsOn: "2024-08-31" }, "none")).toBe("not_assessed");
  });
});
