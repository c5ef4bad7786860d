/**
 * A sequential palette, light to dark (yellow, green, teal, blue, violet: readable with any colour
 * vision deficiency). Five steps cannot each be 3:1 from the next (that needs 81:1, and black on white
 * is 21:1), so the steps are spaced evenly in luminance, about 1.9:1 apart, the most five allow; the
 * legend's words, the list of councils and the table carry the figures, never the colour alone.
 */
export const SEQUENTIAL_FILLS = ["#fefbd0", "#7fc798", "#21908d", "#275689", "#2a1858"] as const;

/**
 * Upper bounds of the lower bands when values are cut into fifths (nearest rank), ties kept together:
 * equal values always fall in one band, so heavily tied figures give fewer than five bands.
 */
export function toQuintileBreaks(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const max = sorted.at(-1);
  if (max === undefined) return [];
  const breaks: number[] = [];
  for (let fifth = 1; fifth < 5; fifth++) {
    const value = sorted[Math.ceil((fifth * sorted.length) / 5) - 1] as number;
    if (value < max && !breaks.includes(value)) breaks.push(value);
  }
  return breaks;
}

/** The band (0 = lowest) a value falls in: the first whose upper bound it does not exceed. */
export function toBandIndex(value: number, breaks: readonly number[]): number {
  const index = breaks.findIndex((upper) => value <= upper);
  return index === -1 ? breaks.length : index;
}

/** Which palette step each of `bandCount` bands takes: spread from lightest to darkest. */
export function toBandFills(bandCount: number): string[] {
  if (bandCount <= 1) return [SEQUENTIAL_FILLS[2]];
  return Array.from(
    { length: bandCount },
    (_, band) => SEQUENTIAL_FILLS[Math.round((band * (SEQUENTIAL_FILLS.length - 1)) / (bandCount - 1))] as string,
  );
}

export interface ValueBand {
  fill: string;
  min: number;
  max: number;
  count: number;
}

/** Bands from lowest to highest, each with the range of the values it actually holds. */
export function toValueBands(values: readonly number[]): { breaks: number[]; bands: ValueBand[] } {
  const breaks = toQuintileBreaks(values);
  if (values.length === 0) return { breaks, bands: [] };
  const fills = toBandFills(breaks.length + 1);
  const bands = fills.map((fill) => ({ fill, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, count: 0 }));
  for (const value of values) {
    const band = bands[toBandIndex(value, breaks)] as ValueBand;
    band.min = Math.min(band.min, value);
    band.max = Math.max(band.max, value);
    band.count++;
  }
  return { breaks, bands };
}

const councils = (count: number) => `${count} ${count === 1 ? "council" : "councils"}`;

/** "Lowest: 31% to 45% (30 councils)", "Highest: 70% to 88% (31 councils)", "62% (12 councils)". */
export function formatBandLabel(
  band: ValueBand,
  position: number,
  bandCount: number,
  format: (value: number) => string,
) {
  const range = band.min === band.max ? format(band.min) : `${format(band.min)} to ${format(band.max)}`;
  const name = bandCount === 1 ? "" : position === 0 ? "Lowest: " : position === bandCount - 1 ? "Highest: " : "";
  return `${name}${range} (${councils(band.count)})`;
}

export { councils as formatCouncilCount };
