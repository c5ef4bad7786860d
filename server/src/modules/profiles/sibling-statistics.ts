/**
 * Where an area stands among its siblings (the other localities, or the other LAG areas) in one period.
 * Ranks and quartiles are positions, not statistical tests: the page says so.
 */

export type Polarity = "higher_is_better" | "lower_is_better" | "none";

export interface SiblingValue {
  areaCode: string;
  value: number | null;
}

export interface Rank {
  position: number;
  of: number;
  order: "best_first" | "highest_first";
}

/**
 * Competition ranking ("1, 2, 2, 4") of the area among the siblings with a value, best first by polarity,
 * highest first where neither direction is better. Null when the area has no value.
 */
export function rankAmongSiblings(
  areaCode: string,
  siblings: readonly SiblingValue[],
  polarity: Polarity,
): Rank | null {
  const own = siblings.find((sibling) => sibling.areaCode === areaCode);
  if (!own || own.value === null) return null;
  const values = siblings.map((sibling) => sibling.value).filter((value): value is number => value !== null);
  const ownValue = own.value;
  const ahead = values.filter((value) => (polarity === "lower_is_better" ? value < ownValue : value > ownValue)).length;
  return { position: ahead + 1, of: values.length, order: polarity === "none" ? "highest_first" : "best_first" };
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(position: number): string {
  const lastTwo = position % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${position}th`;
  switch (position % 10) {
    case 1:
      return `${position}st`;
    case 2:
      return `${position}nd`;
    case 3:
      return `${position}rd`;
    default:
      return `${position}th`;
  }
}

/** "2nd of 5 localities"; the order (best or highest first) travels beside it. */
export function describeRank(rank: Rank, siblingsLabel: string): string {
  return `${ordinal(rank.position)} of ${rank.of} ${siblingsLabel}`;
}

/** The value at fraction p of sorted values, interpolating between neighbours (Excel's QUARTILE.INC, R type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

export interface Spread {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  count: number;
  withoutValue: number;
}

/** Minimum, quartiles and maximum of the siblings' values; null when none has a value. */
export function spreadOfSiblings(siblings: readonly SiblingValue[]): Spread | null {
  const sorted = siblings
    .map((sibling) => sibling.value)
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  // Interpolation leaves float noise (10.100000000000001) that would show in a download.
  const tidy = (value: number) => Number(value.toFixed(10));
  return {
    min: sorted[0] as number,
    q1: tidy(quantile(sorted, 0.25)),
    median: tidy(quantile(sorted, 0.5)),
    q3: tidy(quantile(sorted, 0.75)),
    max: sorted.at(-1) as number,
    count: sorted.length,
    withoutValue: siblings.length - sorted.length,
  };
}
