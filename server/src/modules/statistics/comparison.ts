/** Comparing an area's value with a benchmark, the way Fingertips colours its tables. */

export type Polarity = "higher_is_better" | "lower_is_better" | "none";

export type ComparisonVerdict = "better" | "worse" | "similar" | "higher" | "lower" | "not_compared";

export interface BenchmarkComparisonInput {
  value: number | null;
  /** Absent or null when there is no interval, so an `intervalForIndicator` result can be spread in. */
  lower?: number | null;
  upper?: number | null;
  benchmark: number | null;
  polarity: Polarity;
  /** Set for indicators whose publisher says differences should not be tested for significance. */
  noSignificance?: boolean;
}

export interface BenchmarkComparison {
  verdict: ComparisonVerdict;
  difference: number | null;
}

/**
 * A value differs significantly from the benchmark only when the benchmark lies outside the
 * value's confidence interval; touching a limit counts as similar, as on Fingertips.
 */
export function compareWithBenchmark(input: BenchmarkComparisonInput): BenchmarkComparison {
  const { value, lower, upper, benchmark, polarity, noSignificance } = input;
  if (value === null || benchmark === null) {
    return { verdict: "not_compared", difference: null };
  }
  const difference = value - benchmark;
  // Without a test we can still say how far apart they are, just not whether it matters.
  if (noSignificance === true || lower == null || upper == null) {
    return { verdict: "not_compared", difference };
  }
  if (benchmark >= lower && benchmark <= upper) {
    return { verdict: "similar", difference };
  }
  const isHigher = value > benchmark;
  switch (polarity) {
    case "higher_is_better":
      return { verdict: isHigher ? "better" : "worse", difference };
    case "lower_is_better":
      return { verdict: isHigher ? "worse" : "better", difference };
    case "none":
      return { verdict: isHigher ? "higher" : "lower", difference };
  }
}

/**
 * Words for a verdict, so meaning never rests on colour alone (screen readers, tables, print).
 * The reason, when given, explains a "not compared" verdict, e.g. "no numerator and denominator".
 */
export function describeVerdict(verdict: ComparisonVerdict, benchmarkName: string, reason?: string): string {
  switch (verdict) {
    case "better":
      return `Better than ${benchmarkName}`;
    case "worse":
      return `Worse than ${benchmarkName}`;
    case "similar":
      return `Similar to ${benchmarkName}`;
    case "higher":
      return `Higher than ${benchmarkName}`;
    case "lower":
      return `Lower than ${benchmarkName}`;
    case "not_compared":
      return reason ? `Not compared with ${benchmarkName} (${reason})` : `Not compared with ${benchmarkName}`;
  }
}

export interface ChangeSincePrevious {
  change: number | null;
  direction: "up" | "down" | "same" | null;
}

/** Plain change in value, with no claim about significance; null when either period is missing. */
export function changeSincePrevious(current: number | null, previous: number | null): ChangeSincePrevious {
  if (current === null || previous === null) {
    return { change: null, direction: null };
  }
  const change = current - previous;
  const direction = change > 0 ? "up" : change < 0 ? "down" : "same";
  return { change, direction };
}
