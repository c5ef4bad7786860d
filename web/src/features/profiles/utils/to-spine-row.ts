export type Polarity = "higher_is_better" | "lower_is_better" | "none";

export interface SpineInput {
  value: number | null;
  /** The second area's value, when it is for the same period. */
  compareValue?: number | null;
  benchmark: number | null;
  spread: { min: number; q1: number; q3: number; max: number } | null;
  polarity: Polarity;
}

/** Positions from 0 (left) to 1 (right) on one row of a Fingertips-style spine chart. */
export interface SpineRow {
  range: { from: number; to: number } | null;
  middle: { from: number; to: number } | null;
  benchmark: number | null;
  marker: number | null;
  compareMarker: number | null;
  /** True: better is to the right; null: the indicator has no better direction, higher is to the right. */
  betterToRight: boolean | null;
}

/** Room left at each end so a marker at the extreme is drawn whole. */
const MARGIN = 0.05;

/**
 * Scales one row around its benchmark, as Fingertips does: the benchmark sits in the middle and the
 * furthest value from it reaches an end, so each row uses the full width. Where lower is better the
 * row is flipped, so better is always to the right. Null when there is nothing to draw.
 */
export function toSpineRow(input: SpineInput): SpineRow | null {
  const { value, benchmark, spread, polarity } = input;
  const compareValue = input.compareValue ?? null;
  const centre = benchmark ?? (spread ? (spread.q1 + spread.q3) / 2 : value);
  // A lone marker with nothing to stand against says nothing.
  if (centre === null || (spread === null && (value === null || benchmark === null))) return null;
  const points = [value, compareValue, spread?.min ?? null, spread?.max ?? null].filter(
    (point): point is number => point !== null,
  );
  const furthest = Math.max(...points.map((point) => Math.abs(point - centre)));
  const half = furthest > 0 ? furthest : Math.abs(centre) * 0.1 || 1;
  const flip = polarity === "lower_is_better";
  const position = (x: number) => {
    const raw = 0.5 + ((x - centre) / (2 * half)) * (1 - 2 * MARGIN);
    return flip ? 1 - raw : raw;
  };
  const span = (from: number, to: number) => {
    const [a, b] = [position(from), position(to)];
    return { from: Math.min(a, b), to: Math.max(a, b) };
  };
  return {
    range: spread ? span(spread.min, spread.max) : null,
    middle: spread ? span(spread.q1, spread.q3) : null,
    benchmark: benchmark === null ? null : position(benchmark),
    marker: value === null ? null : position(value),
    compareMarker: compareValue === null ? null : position(compareValue),
    betterToRight: polarity === "none" ? null : true,
  };
}
