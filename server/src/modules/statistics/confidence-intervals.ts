/**
 * Confidence intervals for indicator values, following the methods the Office for Health
 * Improvement and Disparities uses on Fingertips, so our comparisons match the ones people
 * already see there.
 */

export interface Interval {
  lower: number;
  upper: number;
}

export type ValueType = "proportion" | "rate" | "count" | "mean" | "other";

/** z for a two-sided 95% interval, to the precision Fingertips publishes. */
const Z_95 = 1.959964;

/** Wilson score interval for a proportion, as fractions 0..1. */
export function wilsonInterval(numerator: number, denominator: number, z = Z_95): Interval {
  if (!(denominator > 0) || !(numerator >= 0) || numerator > denominator) {
    throw new RangeError(
      `Wilson interval needs 0 <= numerator <= denominator and denominator > 0 (got ${numerator} of ${denominator})`,
    );
  }
  const p = numerator / denominator;
  const z2 = z * z;
  const scale = 1 + z2 / denominator;
  const centre = (p + z2 / (2 * denominator)) / scale;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / denominator + z2 / (4 * denominator * denominator))) / scale;
  // Clamp because rounding can push the limits a hair past 0 or 1 at the extremes.
  return {
    lower: Math.max(0, centre - halfWidth),
    upper: Math.min(1, centre + halfWidth),
  };
}

/** Byar's approximation to the Poisson interval for a count; limits are in events. */
export function byarInterval(events: number, z = Z_95): Interval {
  assertEventCount(events);
  // Byar's approximation drifts from the exact interval for small counts, so below 10 events
  // we use the exact Poisson interval, as the Fingertips technical guidance recommends.
  if (events < 10) {
    return exactPoissonInterval(events, twoSidedConfidence(z));
  }
  const lowerCube = 1 - 1 / (9 * events) - z / (3 * Math.sqrt(events));
  const next = events + 1;
  const upperCube = 1 - 1 / (9 * next) + z / (3 * Math.sqrt(next));
  return { lower: events * lowerCube ** 3, upper: next * upperCube ** 3 };
}

/** Exact Poisson interval for a count, from chi-squared quantiles; limits are in events. */
export function exactPoissonInterval(events: number, confidence = 0.95): Interval {
  assertEventCount(events);
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`Confidence must be between 0 and 1 (got ${confidence})`);
  }
  const alpha = 1 - confidence;
  const lower = events === 0 ? 0 : chiSquaredQuantile(alpha / 2, 2 * events) / 2;
  const upper = chiSquaredQuantile(1 - alpha / 2, 2 * events + 2) / 2;
  return { lower, upper };
}

export interface IndicatorIntervalInput {
  valueType: ValueType;
  numerator: number | null | undefined;
  denominator: number | null | undefined;
  /** Scale of the published value: 100 for a percentage, 10000 for a rate per 10,000. */
  multiplier?: number | null;
}

/**
 * The 95% interval on the indicator's own value scale, or null when it has no interval we can
 * compute, so callers can show the value as not compared rather than fail.
 */
export function intervalForIndicator(input: IndicatorIntervalInput): Interval | null {
  const { valueType, numerator, denominator } = input;
  const multiplier = input.multiplier ?? 1;
  if (numerator == null || !Number.isFinite(numerator) || numerator < 0) {
    return null;
  }
  // A count is its own value, so it needs no denominator and is not rescaled.
  if (valueType === "count") {
    return byarInterval(numerator);
  }
  if (denominator == null || !Number.isFinite(denominator) || denominator <= 0) {
    return null;
  }
  if (valueType === "proportion") {
    if (numerator > denominator) {
      return null;
    }
    const { lower, upper } = wilsonInterval(numerator, denominator);
    return { lower: lower * multiplier, upper: upper * multiplier };
  }
  if (valueType === "rate") {
    const { lower, upper } = byarInterval(numerator);
    return {
      lower: (lower / denominator) * multiplier,
      upper: (upper / denominator) * multiplier,
    };
  }
  // Means and other values need the spread of the underlying data, which we do not hold.
  return null;
}

function assertEventCount(events: number): void {
  if (!Number.isFinite(events) || events < 0) {
    throw new RangeError(`A Poisson count must be a finite number >= 0 (got ${events})`);
  }
}

/** The confidence level a two-sided z gives: erf(z / sqrt 2), which is P(1/2, z^2 / 2). */
function twoSidedConfidence(z: number): number {
  return regularizedLowerGamma(0.5, (z * z) / 2);
}

/** Chi-squared with df degrees of freedom is Gamma(df / 2, scale 2). */
function chiSquaredQuantile(p: number, degreesOfFreedom: number): number {
  return 2 * gammaQuantile(p, degreesOfFreedom / 2);
}

/**
 * Inverse of the regularized lower incomplete gamma function by bisection. P(a, x) is monotone
 * in x, so bisection always converges; it is slower than Newton but we call it rarely.
 */
function gammaQuantile(p: number, shape: number): number {
  let low = 0;
  let high = Math.max(1, shape);
  while (regularizedLowerGamma(shape, high) < p) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const middle = (low + high) / 2;
    if (regularizedLowerGamma(shape, middle) < p) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return (low + high) / 2;
}

const EPSILON = 1e-15;
const MAX_ITERATIONS = 1000;

/** P(a, x), after Numerical Recipes: a series below a + 1, a continued fraction above it. */
function regularizedLowerGamma(a: number, x: number): number {
  if (x <= 0) {
    return 0;
  }
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) {
        break;
      }
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  // Modified Lentz evaluation of the continued fraction for the upper function Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) {
      break;
    }
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7), accurate to about 15 digits. */
function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection keeps the approximation in the range where it is accurate.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const shifted = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) {
    sum += (LANCZOS[i] ?? 0) / (shifted + i);
  }
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}
