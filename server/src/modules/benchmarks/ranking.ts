import type { Polarity } from "../../contract/index.ts";

export interface Rank {
  /** 1 is the best (or, where neither direction is better, the highest). */
  position: number;
  of: number;
  /** 1 = the best (or highest) quarter of areas, 4 = the worst (or lowest). */
  quartile: 1 | 2 | 3 | 4;
}

/**
 * Where a value stands among others, LAIT style: tied values share the better position, and
 * quartiles split the ordered areas into four bands. A position, not a statistical test.
 */
export function rankAmong(values: readonly number[], value: number, polarity: Polarity): Rank | null {
  if (values.length === 0) return null;
  const lowerFirst = polarity === "lower_is_better";
  const ahead = values.filter((other) => (lowerFirst ? other < value : other > value)).length;
  const position = ahead + 1;
  const of = Math.max(values.length, position);
  const quartile = Math.min(4, Math.floor(((position - 1) * 4) / of) + 1) as Rank["quartile"];
  return { position, of, quartile };
}

/** The middle value (mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}
