import { InputError, type ObservationStatus, type ParsedValue, type SourceLocation } from "./types.ts";

/** DOMAIN.md section 6: the one list of symbols the whole product uses. */
export const SYMBOL_MEANINGS: Record<Exclude<ObservationStatus, "value">, string> = {
  c: "confidential (suppressed)",
  x: "not available",
  z: "not applicable",
  low: "rounds to 0 but is not 0",
  u: "low reliability",
};

const SYMBOLS: ReadonlyMap<string, Exclude<ObservationStatus, "value">> = new Map([
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
]);

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

const SIGNIFICANT_DIGITS = 10;

/**
 * LAIT stores figures as binary floats written in full (4.7300000000000004): rounding to 10 significant
 * digits removes the artefact without touching any published precision. Integer digits beyond 10 are kept,
 * so large counts and money are never truncated.
 */
function removeFloatArtefacts(value: number): number {
  if (value === 0) return 0;
  const integerDigits = Math.floor(Math.log10(Math.abs(value))) + 1;
  const rounded = Number(value.toPrecision(Math.min(100, Math.max(SIGNIFICANT_DIGITS, integerDigits))));
  return rounded === 0 ? 0 : rounded;
}

/** What is wrong with a cell written as a figure the wrong way (12%, 1,234, NULL, C); undefined for other text. */
function misspeltFigure(text: string): string | undefined {
  if (SYMBOLS.has(text.toLowerCase())) {
    return `symbols are written in lower case: use "${text.toLowerCase()}"`;
  }
  if (/^(?:null|na|n\/a|nan|none|missing)$/i.test(text)) {
    return "not a number or a known symbol: write a missing figure as x (not available), z (not applicable) or c (suppressed)";
  }
  if (/^-?[\d.,]+%$/.test(text)) return "not a number: drop the percent sign and give the figure only";
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return "not a number: remove the thousands separators";
  if (PLAIN_NUMBER.test(text)) return "number too large to store"; // 1e400: finite numbers are figures
  return undefined;
}

function whyNotAValue(text: string): string {
  if (text === "") return "blank value: use a number or a symbol (c, x, z, low, u)";
  return misspeltFigure(text) ?? "not a number or a known symbol (c, x, z, low, u)";
}

/**
 * What a filled cell holds: a figure; a figure written the wrong way (refused where it stands, as in an indicator
 * column); or text (a filter's value, a name).
 */
export function kindOfCell(raw: string): "figure" | "misspelt figure" | "text" {
  const text = raw.trim();
  if (SYMBOLS.has(text) || (PLAIN_NUMBER.test(text) && Number.isFinite(Number(text)))) return "figure";
  return misspeltFigure(text) === undefined ? "text" : "misspelt figure";
}

/** Reads one cell as a number or a typed symbol; anything else is refused, never read as 0 or missing. */
export function parseObservationValue(raw: string, location: SourceLocation): ParsedValue {
  const text = raw.trim();
  const symbol = SYMBOLS.get(text);
  if (symbol !== undefined) return { status: symbol, value: null };
  if (PLAIN_NUMBER.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value)) throw new InputError(location, "number too large to store", raw);
    // Ten characters hold at most ten significant digits: nothing to remove (but -0 is 0).
    if (text.length <= SIGNIFICANT_DIGITS) return { status: "value", value: value === 0 ? 0 : value };
    return { status: "value", value: removeFloatArtefacts(value) };
  }
  throw new InputError(location, whyNotAValue(text), raw);
}

/** Refuses a percentage figure outside 0 to 100 (exactly 0 and 100 are fine); symbols pass. */
export function checkPercentage(value: number | null, raw: string, location: SourceLocation): void {
  if (value === null || (value >= 0 && value <= 100)) return;
  throw new InputError(
    location,
    `percentage ${value} is ${value < 0 ? "below 0" : "above 100"}: a percentage lies between 0 and 100; ` +
      "check that this column holds percentages, not counts or rates",
    raw,
  );
}
