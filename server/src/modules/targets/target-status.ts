import type { Polarity, TargetStatus } from "../../contract/index.ts";

export interface TargetForStatus {
  periodCode: string;
  periodLabel: string;
  periodEndsOn: string;
  targetValue: number;
  baselineValue: number | null;
}

/**
 * The target a latest figure is read against: the first one due on or after the figure's period,
 * or, when every target is past, the last one.
 */
export function targetInView<T extends TargetForStatus>(targets: readonly T[], latestEndsOn: string): T | null {
  const sorted = [...targets].sort((a, b) => a.periodEndsOn.localeCompare(b.periodEndsOn));
  return sorted.find((target) => target.periodEndsOn >= latestEndsOn) ?? sorted.at(-1) ?? null;
}

/** Met, not yet met (still due) or missed (its period has passed); no direction, no verdict. */
export function targetStatus(
  target: TargetForStatus,
  latest: { value: number; periodEndsOn: string },
  polarity: Polarity,
): TargetStatus {
  if (polarity === "none") return "not_assessed";
  const met = polarity === "higher_is_better" ? latest.value >= target.targetValue : latest.value <= target.targetValue;
  if (met) return "met";
  return latest.periodEndsOn >= target.periodEndsOn ? "missed" : "not_yet_met";
}
