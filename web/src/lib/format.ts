import type { Indicator, ObservationStatus, Verdict } from "@plan-outcomes/server/contract";

/** The true minus sign: screen readers say "minus", and it lines up with "+". */
export const MINUS = "\u2212";

const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimalPlaces: number): Intl.NumberFormat {
  const places = Math.min(Math.max(Math.trunc(decimalPlaces), 0), 10);
  let format = numberFormats.get(places);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places });
    numberFormats.set(places, format);
  }
  return format;
}

/** 1234.5 → "1,234.50" at 2 places; negative numbers take the true minus sign. */
export function formatNumber(value: number, decimalPlaces: number): string {
  const text = numberFormat(decimalPlaces).format(Math.abs(value));
  return isNegative(value, decimalPlaces) ? `${MINUS}${text}` : text;
}

/** Rounds as it will be shown, so -0.001 at 2 places is not "−0.00". */
function isNegative(value: number, decimalPlaces: number): boolean {
  return value < 0 && numberFormat(decimalPlaces).format(Math.abs(value)) !== numberFormat(decimalPlaces).format(0);
}

const IRREGULAR_SINGULARS: Record<string, string> = { children: "child", people: "person" };

/** "sites" → "site" for a count of exactly 1; "young people" → "young person". */
function singular(unit: string): string {
  const words = unit.split(" ");
  const last = words.at(-1) ?? "";
  const one = IRREGULAR_SINGULARS[last] ?? (last.endsWith("s") && !last.endsWith("ss") ? last.slice(0, -1) : last);
  return [...words.slice(0, -1), one].join(" ");
}

type UnitKind = "percent" | "pounds" | "million-pounds" | "rate" | "score" | "count";

/** The unit of a new indicator's rate column whose denominator no metadata gave: its figures carry no words. */
const BARE_RATE = "rate";

/** The words written after a rate's figure: "per 10,000 children"; none for a bare rate. */
const rateWords = (unit: string) => (unit.trim() === BARE_RATE ? "" : ` ${unit.trim()}`);

function unitKind(unit: string): UnitKind {
  const trimmed = unit.trim();
  if (trimmed === "%" || trimmed === "pp") return "percent";
  if (trimmed === "£") return "pounds";
  if (trimmed === "£m") return "million-pounds";
  if (trimmed === BARE_RATE || trimmed.startsWith("per ")) return "rate";
  if (trimmed === "score") return "score";
  return "count";
}

/**
 * A value as people write it: "7.49%", "11.62 per 100 pupils", "65 per 10,000", "£210,000",
 * "2,056 children", "46.2" (scores).
 */
export function formatValue(value: number, unit: string, decimalPlaces: number): string {
  const number = formatNumber(value, decimalPlaces);
  const sign = number.startsWith(MINUS) ? MINUS : "";
  const magnitude = sign ? number.slice(MINUS.length) : number;
  switch (unitKind(unit)) {
    case "percent":
      return unit.trim() === "pp" ? `${number}pp` : `${number}%`;
    case "pounds":
      return `${sign}£${magnitude}`;
    case "million-pounds":
      return `${sign}£${magnitude}m`;
    case "rate":
      return `${number}${rateWords(unit)}`;
    case "score":
      return number;
    case "count": {
      const words = unit.trim();
      if (!words || words === "count" || words === "number") return number;
      return `${number} ${number === "1" ? singular(words) : words}`;
    }
  }
}

/**
 * A formatted value split into its figure and trailing unit words, so the words can be set smaller:
 * "11.62 per 100 pupils" → ["11.62", "per 100 pupils"]; "7.49%" → ["7.49%", ""].
 */
export function splitValueUnit(text: string): [figure: string, unitWords: string] {
  const space = text.indexOf(" ");
  return space === -1 ? [text, ""] : [text.slice(0, space), text.slice(space + 1)];
}

/**
 * A change between two periods with an explicit sign: "+11pp" (percentage points for percentages),
 * "−0.39 per 100 pupils", "+£1,000"; "No change" when it rounds to zero.
 */
export function formatChange(change: number, unit: string, decimalPlaces: number): string {
  const magnitude = numberFormat(decimalPlaces).format(Math.abs(change));
  if (magnitude === numberFormat(decimalPlaces).format(0)) return "No change";
  const sign = change > 0 ? "+" : MINUS;
  switch (unitKind(unit)) {
    case "percent":
      return `${sign}${magnitude}pp`;
    case "pounds":
      return `${sign}£${magnitude}`;
    case "million-pounds":
      return `${sign}£${magnitude}m`;
    case "rate":
      return `${sign}${magnitude}${rateWords(unit)}`;
    case "score":
      return `${sign}${magnitude}`;
    case "count": {
      const words = unit.trim();
      if (!words || words === "count" || words === "number") return `${sign}${magnitude}`;
      return `${sign}${magnitude} ${magnitude === "1" ? singular(words) : words}`;
    }
  }
}

/** Intervals keep at least two decimal places ("54.98% to 68.04%"), so a narrow one does not collapse. */
export const INTERVAL_MIN_DECIMAL_PLACES = 2;

export function formatInterval(
  lower: number,
  upper: number,
  unit: string,
  decimalPlaces: number,
  options: { compact?: boolean } = {},
): string {
  const places = Math.max(decimalPlaces, INTERVAL_MIN_DECIMAL_PLACES);
  const format = options.compact ? formatCompactValue : formatValue;
  return `${format(lower, unit, places)} to ${format(upper, unit, places)}`;
}

/**
 * A value for a table column whose header carries the unit: "62%" and "£210,000" keep their symbol,
 * rates, counts and scores are the bare number ("11.39").
 */
export function formatCompactValue(value: number, unit: string, decimalPlaces: number): string {
  switch (unitKind(unit)) {
    case "percent":
    case "pounds":
    case "million-pounds":
      return formatValue(value, unit, decimalPlaces);
    default:
      return formatNumber(value, decimalPlaces);
  }
}

/** The header of a value column: "Value (%)", "Value (per 100 pupils)", "Value (sites)". */
export function formatValueHeader(unit: string): string {
  const trimmed = unit.trim();
  if (!trimmed || trimmed === "count" || trimmed === "number") return "Value";
  return unitKind(trimmed) === "score" ? "Score" : `Value (${trimmed})`;
}

/** What a unit means, for axis labels and metadata: "Percentage (%)", "Rate per 10,000". */
export function formatUnitLabel(unit: string): string {
  const trimmed = unit.trim();
  switch (unitKind(trimmed)) {
    case "percent":
      return trimmed === "pp" ? "Percentage points" : "Percentage (%)";
    case "pounds":
      return "Pounds (£)";
    case "million-pounds":
      return "Millions of pounds (£m)";
    case "rate":
      return `Rate${rateWords(trimmed)}`;
    case "score":
      return "Score";
    case "count":
      return trimmed ? `Number of ${trimmed}` : "Number";
  }
}

/** The typed missing values (DfE/GSS symbols) and what each means. */
export const STATUS_MEANINGS = {
  c: "Suppressed (confidential)",
  x: "Not available",
  z: "Not applicable",
  low: "Rounds to 0",
  u: "Low reliability",
} as const satisfies Record<Exclude<ObservationStatus, "value">, string>;

export type StatusSymbol = keyof typeof STATUS_MEANINGS;

export function isStatusSymbol(status: ObservationStatus | null | undefined): status is StatusSymbol {
  return status !== null && status !== undefined && status !== "value";
}

/** "x: Not available"; null for an ordinary value. */
export function formatStatus(status: ObservationStatus | null | undefined): string | null {
  return isStatusSymbol(status) ? `${status}: ${STATUS_MEANINGS[status]}` : null;
}

/**
 * A published figure as it should be read: the value when there is one (a low-reliability value keeps
 * its "u"), otherwise the symbol. Missing is never shown as 0.
 */
export function formatObservedValue(
  value: number | null,
  status: ObservationStatus | null | undefined,
  unit: string,
  decimalPlaces: number,
  options: { compact?: boolean } = {},
): string {
  if (value !== null && (status === "value" || status === "u" || status === null || status === undefined)) {
    const text = (options.compact ? formatCompactValue : formatValue)(value, unit, decimalPlaces);
    return status === "u" ? `${text} (u)` : text;
  }
  return isStatusSymbol(status) ? status : "No data";
}

export function formatPolarity(polarity: Indicator["polarity"]): string {
  switch (polarity) {
    case "higher_is_better":
      return "Higher is better";
    case "lower_is_better":
      return "Lower is better";
    case "none":
      return "Neither higher nor lower is better";
  }
}

/** Each verdict in words with a shape, so the meaning never rests on colour. */
export const VERDICTS = {
  better: { symbol: "▲", label: "Better" },
  worse: { symbol: "▼", label: "Worse" },
  similar: { symbol: "●", label: "Similar" },
  higher: { symbol: "△", label: "Higher" },
  lower: { symbol: "▽", label: "Lower" },
  not_compared: { symbol: "◆", label: "Not compared" },
} as const satisfies Record<Verdict, { symbol: string; label: string }>;

/** A verdict as a phrase: "Better than England", "Similar to England", "Not compared". */
export function formatVerdict(verdict: Verdict, benchmarkName: string): string {
  switch (verdict) {
    case "better":
    case "worse":
    case "higher":
    case "lower":
      return `${VERDICTS[verdict].label} than ${benchmarkName}`;
    case "similar":
      return `Similar to ${benchmarkName}`;
    case "not_compared":
      return VERDICTS.not_compared.label;
  }
}

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "2026-11-22" → "22 November 2026"; text that is not a date is returned as written ("March each year"). */
export function formatDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** Lists with "and": ["Dorset", "South West", "England"] → "Dorset, South West and England". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** An area's name with its validity when it has ended or started recently: "Chesil LAG (to 3 October 2023)". */
export function formatAreaLabel(area: { name: string; validFrom: string | null; validTo: string | null }): string {
  if (area.validTo) return `${area.name} (to ${formatDate(area.validTo)})`;
  if (area.validFrom && area.validFrom >= "2021-01-01") return `${area.name} (from ${formatDate(area.validFrom)})`;
  return area.name;
}

/** "Not compared with England (no numerator and denominator)" → "No numerator and denominator". */
export function formatComparisonReason(description: string): string | null {
  const match = /\(([^)]+)\)\s*$/.exec(description);
  if (!match?.[1]) return null;
  return match[1].charAt(0).toUpperCase() + match[1].slice(1);
}

const tickFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** Axis ticks: short, with % or £ where the unit has one; the axis label carries the rest. */
export function formatAxisTick(value: number, unit: string): string {
  const number = tickFormat.format(Math.abs(value));
  const sign = value < 0 ? MINUS : "";
  switch (unitKind(unit)) {
    case "percent":
      return `${sign}${number}%`;
    case "pounds":
      return `${sign}£${number}`;
    case "million-pounds":
      return `${sign}£${number}m`;
    default:
      return `${sign}${number}`;
  }
}

const PERIOD_TYPES: Record<string, string> = {
  academic_year: "Academic year",
  financial_year: "Financial year",
  reporting_year: "Year to, or at, 31 March",
  calendar_year: "Calendar year",
  month: "Month",
  term: "Term",
  week: "Week",
};

/** "academic_year" → "Academic year", for the time axis. */
export function formatPeriodType(periodType: string): string {
  return PERIOD_TYPES[periodType] ?? "Period";
}

const londonDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});
const londonTime = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/London",
});

/** An instant in UK time, as people in Dorset read it: "2026-07-01T13:05:00Z" → "1 July 2026 at 14:05". */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${londonDate.format(date)} at ${londonTime.format(date)}`;
}

const utcDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const utcTime = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/**
 * An instant in UTC to the second, saying so: "2026-07-01T13:05:09Z" → "1 July 2026 at 13:05:09 UTC".
 * For records filtered by UTC day (the audit trail), where a UK time could show the day before or after.
 */
export function formatUtcDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${utcDate.format(date)} at ${utcTime.format(date)} UTC`;
}

const ordinalRules = new Intl.PluralRules("en-GB", { type: "ordinal" });
const ORDINAL_SUFFIX: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };

/** 1st, 2nd, 3rd, 11th, 22nd. */
export function formatOrdinal(position: number): string {
  return `${position}${ORDINAL_SUFFIX[ordinalRules.select(position)] ?? "th"}`;
}

const QUARTILE_WORDS = ["", "top", "second", "third", "bottom"];

/** "12th of 152 (top quartile)": where an area stands, said as a position, never as significance. */
export function formatRank(rank: { position: number; of: number; quartile: number; order: string }): string {
  const band =
    rank.order === "best_first"
      ? `${QUARTILE_WORDS[rank.quartile]} quartile`
      : `${QUARTILE_WORDS[rank.quartile]} quartile, counted from the highest`;
  return `${formatOrdinal(rank.position)} of ${rank.of} (${band})`;
}

const TARGET_STATUS_WORDS: Record<string, string> = {
  met: "Met",
  not_yet_met: "Not yet met",
  missed: "Missed",
  not_assessed: "Not assessed: no better direction",
};

export function formatTargetStatus(status: string): string {
  return TARGET_STATUS_WORDS[status] ?? status;
}

/** A breakdown's dimension as its data column names it, in words: "free_school_meals" → "Free school meals". */
export function formatDimension(dimension: string): string {
  const words = dimension.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
