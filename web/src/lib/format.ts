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

function unitKind(unit: string): UnitKind {
  const trimmed = unit.trim();
  if (trimmed === "%" || trimmed === "pp") return "percent";
  if (trimmed === "£") return "pounds";
  if (trimmed === "£m") return "million-pounds";
  if (trimmed.startsWith("per ")) return "rate";
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
      return `${number} ${unit.trim()}`;
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
      return `${sign}${magnitude} ${unit.trim()}`;
    case "score":
      return `${sign}${magnitude}`;
    case "count": {
      const words = unit.trim();
      if (!words || words === "count" || words === "number") return `${sign}${magnitude}`;
      return `${sign}${magnitude} ${magnitude === "1" ? singular(words) : words}`;
    }
  }
}

/** "55.0% to 68.0%": intervals keep at least one decimal place so a narrow one does not collapse. */
export function formatInterval(lower: number, upper: number, unit: string, decimalPlaces: number): string {
  const places = Math.max(decimalPlaces, 1);
  return `${formatValue(lower, unit, places)} to ${formatValue(upper, unit, places)}`;
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
      return `Rate ${trimmed}`;
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
): string {
  if (value !== null && (status === "value" || status === "u" || status === null || status === undefined)) {
    const text = formatValue(value, unit, decimalPlaces);
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

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

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
