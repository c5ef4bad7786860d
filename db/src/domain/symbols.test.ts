import { describe, expect, it } from "vitest";
import { checkPercentage, kindOfCell, parseObservationValue, SYMBOL_MEANINGS } from "./symbols.ts";
import { InputError } from "./types.ts";

const at = { file: "test.csv", row: 7, column: "rate" };

function refusal(raw: string): InputError {
  try {
    parseObservationValue(raw, at);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`"${raw}" was accepted`);
}

describe("parseObservationValue", () => {
  it.each([
    ["0", 0],
    ["62", 62],
    ["-3.5", -3.5],
    ["0.118", 0.118],
    ["1e3", 1000],
    ["2.5E-1", 0.25],
    ["12183016", 12183016],
  ])("reads %s as a number", (raw, value) => {
    expect(parseObservationValue(raw, at)).toEqual({ status: "value", value });
  });

  it.each([
    ["4.7300000000000004", 4.73],
    ["8.1999999999999993", 8.2],
    ["4.7980000000000002E-2", 0.04798],
    ["9.6189999999999998E-2", 0.09619],
    ["0.12801999999999999", 0.12802],
  ])("removes the float artefact from %s", (raw, value) => {
    expect(parseObservationValue(raw, at).value).toBe(value);
  });

  it("keeps every integer digit of numbers longer than ten digits", () => {
    expect(parseObservationValue("123456789012", at).value).toBe(123456789012);
  });

  it("reads negative zero as zero", () => {
    expect(Object.is(parseObservationValue("-0", at).value, 0)).toBe(true);
  });

  it("trims spaces around the cell", () => {
    expect(parseObservationValue("  7.5 ", at)).toEqual({ status: "value", value: 7.5 });
    expect(parseObservationValue(" c ", at)).toEqual({ status: "c", value: null });
  });

  it.each([
    ["c", "c"],
    ["x", "x"],
    ["-", "x"],
    [".", "x"],
    ["..", "x"],
    [":", "x"],
    ["z", "z"],
    ["low", "low"],
    ["k", "low"],
    ["~", "low"],
    ["u", "u"],
  ])("reads the symbol %s as status %s with no value", (raw, status) => {
    expect(parseObservationValue(raw, at)).toEqual({ status, value: null });
  });

  it("refuses a blank cell and lists the symbols to use", () => {
    const error = refusal("  ");
    expect(error.reason).toBe("blank value: use a number or a symbol (c, x, z, low, u)");
    expect(error.location).toEqual(at);
  });

  it.each(["NULL", "NA", "N/A", "null", "nan"])("refuses the missing-value marker %s and names the symbols", (raw) => {
    const error = refusal(raw);
    expect(error.reason).toMatch(/not a number or a known symbol.*x \(not available\)/);
    expect(error.rawValue).toBe(raw);
  });

  it("refuses a percent sign", () => {
    expect(refusal("12%").reason).toMatch(/percent sign/);
  });

  it("refuses thousands separators", () => {
    expect(refusal("1,234").reason).toMatch(/thousands separators/);
  });

  it.each(["Infinity", "-Infinity", "0x10", "+5", ".5", "5.", "1 234", "see note", "12a"])(
    "refuses %s as not a number",
    (raw) => {
      expect(refusal(raw).reason).toBe("not a number or a known symbol (c, x, z, low, u)");
    },
  );

  it("refuses a number too large to store", () => {
    expect(refusal("1e400").reason).toBe("number too large to store");
  });

  it("refuses upper-case symbols and names the lower-case one", () => {
    expect(refusal("X").reason).toBe('symbols are written in lower case: use "x"');
    expect(refusal("LOW").reason).toBe('symbols are written in lower case: use "low"');
  });

  it("names the file, row, column and the value found in the message", () => {
    expect(refusal("NULL").message).toMatch(/^test\.csv, row 7, column rate: .*\(found "NULL"\)$/);
  });
});

describe("checkPercentage", () => {
  it.each([0, 0.5, 62, 100])("accepts %s", (value) => {
    expect(() => checkPercentage(value, String(value), at)).not.toThrow();
  });

  it("accepts a symbol, which has no value", () => {
    expect(() => checkPercentage(null, "c", at)).not.toThrow();
  });

  it.each([
    [100.5, "100.5", /^percentage 100\.5 is above 100: /],
    [620, "620", /^percentage 620 is above 100: /],
    [-1, "-1", /^percentage -1 is below 0: /],
  ])("refuses %s, naming where it is", (value, raw, reason) => {
    let caught: unknown;
    try {
      checkPercentage(value, raw, at);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect(caught).toMatchObject({ location: at, rawValue: raw, reason: expect.stringMatching(reason) });
  });
});

describe("SYMBOL_MEANINGS", () => {
  it("describes every status other than value", () => {
    expect(SYMBOL_MEANINGS).toEqual({
      c: "confidential (suppressed)",
      x: "not available",
      z: "not applicable",
      low: "rounds to 0 but is not 0",
      u: "low reliability",
    });
  });
});

describe("kindOfCell", () => {
  // How a file without a .meta.csv tells an indicator's column from a filter's: a figure written the wrong way
  // keeps its column an indicator's, so the cell is refused where it stands instead of the column becoming a filter.
  it.each(["62", "-0.5", "1e3", "c", "x", ":", "low"])("reads %s as a figure", (cell) => {
    expect(kindOfCell(cell)).toBe("figure");
  });
  it.each(["12%", "1,234", "NULL", "N/A", "C", "1e400"])("reads %s as a figure written the wrong way", (cell) => {
    expect(kindOfCell(cell)).toBe("misspelt figure");
    expect(() => parseObservationValue(cell, at)).toThrow(InputError);
  });
  it.each(["Total", "Boys", "19 to 21 years", "see note", "Infinity"])("reads %s as text", (cell) => {
    expect(kindOfCell(cell)).toBe("text");
  });
});
