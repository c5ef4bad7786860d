import { describe, expect, it } from "vitest";
import {
  formatBandLabel,
  SEQUENTIAL_FILLS,
  toBandFills,
  toBandIndex,
  toQuintileBreaks,
  toValueBands,
} from "./quintiles.ts";

const percent = (value: number) => `${value}%`;

describe("toQuintileBreaks", () => {
  it("cuts ten values into fifths of two", () => {
    expect(toQuintileBreaks([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([2, 4, 6, 8]);
  });

  it("keeps tied values in one band, giving fewer bands", () => {
    expect(toQuintileBreaks([50, 50, 50, 50, 50, 50, 60, 70])).toEqual([50, 60]);
    expect(toQuintileBreaks([62, 62, 62])).toEqual([]);
  });

  it("has no breaks without values", () => {
    expect(toQuintileBreaks([])).toEqual([]);
  });
});

describe("toBandIndex", () => {
  it("puts a value on a break in the lower band and above the last break in the top band", () => {
    expect(toBandIndex(2, [2, 4, 6, 8])).toBe(0);
    expect(toBandIndex(2.1, [2, 4, 6, 8])).toBe(1);
    expect(toBandIndex(9, [2, 4, 6, 8])).toBe(4);
  });
});

describe("toBandFills", () => {
  it("uses the whole palette for five bands and its ends for two", () => {
    expect(toBandFills(5)).toEqual([...SEQUENTIAL_FILLS]);
    expect(toBandFills(2)).toEqual([SEQUENTIAL_FILLS[0], SEQUENTIAL_FILLS[4]]);
  });
});

describe("toValueBands", () => {
  it("gives each band the range and count of the values it holds (eleven values: nearest-rank fifths of 3, 2, 2, 2, 2)", () => {
    const { bands } = toValueBands([28, 40, 47, 48, 52, 53, 56, 57, 61, 62, 79]);
    expect(bands.map(({ min, max, count }) => [min, max, count])).toEqual([
      [28, 47, 3],
      [48, 52, 2],
      [53, 56, 2],
      [57, 61, 2],
      [62, 79, 2],
    ]);
  });
});

describe("formatBandLabel", () => {
  const band = (min: number, max: number, count: number) => ({ fill: "#000000", min, max, count });

  it("names the lowest and highest bands and gives each range in words", () => {
    expect(formatBandLabel(band(28, 47, 32), 0, 5, percent)).toBe("Lowest: 28% to 47% (32 councils)");
    expect(formatBandLabel(band(48, 52, 32), 1, 5, percent)).toBe("48% to 52% (32 councils)");
    expect(formatBandLabel(band(62, 79, 30), 4, 5, percent)).toBe("Highest: 62% to 79% (30 councils)");
  });

  it("gives a band of one value once, and one council in the singular", () => {
    expect(formatBandLabel(band(62, 62, 1), 0, 1, percent)).toBe("62% (1 council)");
  });
});
