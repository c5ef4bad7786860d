import { InputError, type Period, type PeriodType, type SourceLocation } from "./types.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const QUARTER_MONTHS = ["Jan to Mar", "Apr to Jun", "Jul to Sep", "Oct to Dec"] as const;

interface TermRule {
  code: string;
  name: string;
  /** Month and day within the academic year; the autumn term sits in its first calendar year. */
  starts: { inFirstYear: boolean; monthDay: string };
  ends: { inFirstYear: boolean; monthDay: string };
}

/**
 * Term dates differ by school and by Easter, so these boundaries are nominal: they tile the academic year
 * (autumn to December, spring to March, summer to August) so that terms order correctly and sit inside it.
 */
const TERMS: Record<string, TermRule> = {
  "autumn term": {
    code: "T1",
    name: "Autumn term",
    starts: { inFirstYear: true, monthDay: "09-01" },
    ends: { inFirstYear: true, monthDay: "12-31" },
  },
  "spring term": {
    code: "T2",
    name: "Spring term",
    starts: { inFirstYear: false, monthDay: "01-01" },
    ends: { inFirstYear: false, monthDay: "03-31" },
  },
  "summer term": {
    code: "T3",
    name: "Summer term",
    starts: { inFirstYear: false, monthDay: "04-01" },
    ends: { inFirstYear: false, monthDay: "08-31" },
  },
  "autumn and spring term": {
    code: "T1T2",
    name: "Autumn and spring term",
    starts: { inFirstYear: true, monthDay: "09-01" },
    ends: { inFirstYear: false, monthDay: "03-31" },
  },
};

const SIMPLE_KINDS: Record<string, PeriodType> = {
  "academic year": "academic_year",
  "financial year": "financial_year",
  "calendar year": "calendar_year",
  "reporting year": "reporting_year",
};

const normalise = (identifier: string) => identifier.trim().replace(/\s+/g, " ").toLowerCase();

const monthIndexOf = (identifier: string) => MONTHS.findIndex((month) => month.toLowerCase() === identifier);

const QUARTER = /^q([1-4])$/;
const WEEK = /^week ([1-9]|[1-4]\d|5[0-3])$/;

/** The kind of period a DfE `time_identifier` names, or undefined for one this product does not read. */
export function periodKindOf(timeIdentifier: string): PeriodType | undefined {
  const identifier = normalise(timeIdentifier);
  const simple = SIMPLE_KINDS[identifier];
  if (simple !== undefined) return simple;
  if (identifier in TERMS) return "term";
  if (QUARTER.test(identifier)) return "quarter";
  if (monthIndexOf(identifier) >= 0) return "month";
  if (WEEK.test(identifier)) return "week";
  return undefined;
}

const SUPPORTED_IDENTIFIERS =
  "Academic year, Financial year, Calendar year, Reporting year, Autumn term, Spring term, Summer term, " +
  "Autumn and spring term, Q1 to Q4, January to December, Week 1 to Week 53";

const pad2 = (n: number) => String(n).padStart(2, "0");
const isoDate = (year: number, month: number, day: number) => `${year}-${pad2(month)}-${pad2(day)}`;
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const twoDigits = (year: number) => pad2(year % 100);

/** Builds the academic or financial year starting in `first`; shared by the DfE and LAIT readers. */
function splitYear(type: "academic_year" | "financial_year", first: number): Period {
  const code = `${first}${twoDigits(first + 1)}`;
  return type === "academic_year"
    ? {
        type,
        code,
        label: `${first}/${twoDigits(first + 1)}`,
        startsOn: `${first}-09-01`,
        endsOn: `${first + 1}-08-31`,
      }
    : {
        type,
        code,
        label: `${first}-${twoDigits(first + 1)}`,
        startsOn: `${first}-04-01`,
        endsOn: `${first + 1}-03-31`,
      };
}

function singleYear(type: "calendar_year" | "reporting_year", year: number): Period {
  return type === "calendar_year"
    ? { type, code: String(year), label: String(year), startsOn: `${year}-01-01`, endsOn: `${year}-12-31` }
    : { type, code: String(year), label: `31 March ${year}`, startsOn: `${year - 1}-04-01`, endsOn: `${year}-03-31` };
}

/** Years the product reads: a typo such as 2205 for 2025, or 0000, is refused rather than loaded as a distant year. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

function checkYear(year: number, raw: string, location: SourceLocation): number {
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new InputError(
      location,
      `${year} is not a plausible year for these statistics (expected ${FIRST_YEAR} to ${LAST_YEAR}): check for a typing error`,
      raw,
    );
  }
  return year;
}

function readSixDigitYear(timePeriod: string, identifier: string, location: SourceLocation): number {
  const example = identifier === "Financial year" ? "202324 for 2023-24" : "202223 for 2022/23";
  if (!/^\d{6}$/.test(timePeriod)) {
    throw new InputError(
      location,
      `${identifier} needs a six-digit time_period: the first year then the last two digits of the next (${example})`,
      timePeriod,
    );
  }
  const first = checkYear(Number(timePeriod.slice(0, 4)), timePeriod, location);
  if (timePeriod.slice(4) !== twoDigits(first + 1)) {
    throw new InputError(
      location,
      `${identifier} needs a six-digit time_period whose last two digits are the year after ${first} (${first}${twoDigits(first + 1)}), as in ${example}`,
      timePeriod,
    );
  }
  return first;
}

function readFourDigitYear(timePeriod: string, identifier: string, location: SourceLocation): number {
  if (!/^\d{4}$/.test(timePeriod)) {
    throw new InputError(location, `${identifier} needs a four-digit year as time_period, like 2025`, timePeriod);
  }
  return checkYear(Number(timePeriod), timePeriod, location);
}

function isoWeek(year: number, week: number, location: SourceLocation, raw: string): Period {
  // ISO 8601: week 1 is the week with the year's first Thursday, so it contains 4 January.
  const fourthOfJanuary = Date.UTC(year, 0, 4);
  const weekday = (new Date(fourthOfJanuary).getUTCDay() + 6) % 7;
  const weekOneMonday = fourthOfJanuary - weekday * 86_400_000;
  const starts = new Date(weekOneMonday + (week - 1) * 7 * 86_400_000);
  const ends = new Date(starts.getTime() + 6 * 86_400_000);
  const thursday = new Date(starts.getTime() + 3 * 86_400_000);
  if (thursday.getUTCFullYear() !== year) {
    throw new InputError(location, `${year} has no ISO week ${week}: it has 52 weeks`, raw);
  }
  return {
    type: "week",
    code: `${year}-W${pad2(week)}`,
    label: `Week ${week} ${year}`,
    startsOn: starts.toISOString().slice(0, 10),
    endsOn: ends.toISOString().slice(0, 10),
  };
}

/** Reads an Explore Education Statistics `time_period` with its `time_identifier` (DOMAIN.md section 4). */
export function parseDfePeriod(timePeriod: string, timeIdentifier: string, at: SourceLocation): Period {
  const location = { ...at, column: at.column ?? "time_period" };
  const period = timePeriod.trim();
  const identifier = normalise(timeIdentifier);
  const kind = periodKindOf(timeIdentifier);
  switch (kind) {
    case "academic_year":
      return splitYear(kind, readSixDigitYear(period, "Academic year", location));
    case "financial_year":
      return splitYear(kind, readSixDigitYear(period, "Financial year", location));
    case "calendar_year":
      return singleYear(kind, readFourDigitYear(period, "Calendar year", location));
    case "reporting_year":
      return singleYear(kind, readFourDigitYear(period, "Reporting year", location));
    case "term": {
      const term = TERMS[identifier] as TermRule;
      const first = readSixDigitYear(period, term.name, location);
      const academic = splitYear("academic_year", first);
      const at = (bound: TermRule["starts"]) => `${bound.inFirstYear ? first : first + 1}-${bound.monthDay}`;
      return {
        type: "term",
        code: `${academic.code}${term.code}`,
        label: `${term.name} ${academic.label}`,
        startsOn: at(term.starts),
        endsOn: at(term.ends),
      };
    }
    case "quarter": {
      const year = readFourDigitYear(period, timeIdentifier.trim(), location);
      const quarter = Number(identifier.slice(1));
      const lastMonth = quarter * 3;
      return {
        type: "quarter",
        code: `${year}Q${quarter}`,
        label: `${QUARTER_MONTHS[quarter - 1]} ${year}`,
        startsOn: isoDate(year, lastMonth - 2, 1),
        endsOn: isoDate(year, lastMonth, lastDayOfMonth(year, lastMonth)),
      };
    }
    case "month": {
      const year = readFourDigitYear(period, timeIdentifier.trim(), location);
      const month = monthIndexOf(identifier) + 1;
      return {
        type: "month",
        code: `${year}-${pad2(month)}`,
        label: `${MONTHS[month - 1]} ${year}`,
        startsOn: isoDate(year, month, 1),
        endsOn: isoDate(year, month, lastDayOfMonth(year, month)),
      };
    }
    case "week": {
      const year = readFourDigitYear(period, timeIdentifier.trim(), location);
      return isoWeek(year, Number(identifier.slice(5)), location, `${timeIdentifier} ${timePeriod}`);
    }
    default:
      throw new InputError(
        { ...at, column: "time_identifier" },
        `time_identifier not supported: use one of ${SUPPORTED_IDENTIFIERS}`,
        timeIdentifier,
      );
  }
}

export type LaitYearType = "academic_year" | "financial_year" | "calendar_year" | "reporting_year";

const LAIT_END_YEAR = /^(\d{4})( \(prov\))?$/;
const LAIT_ACADEMIC = /^(\d{4})\/(\d{2})$/;
const LAIT_OUTTURN = /^(\d{4})-(\d{2}) \(OT\)$/;

function laitSplitYear(
  match: RegExpExecArray,
  type: "academic_year" | "financial_year",
  yearType: LaitYearType,
  label: string,
  location: SourceLocation,
): Period {
  const form = type === "academic_year" ? "an academic year" : "a financial year (outturn)";
  if (yearType !== type) {
    throw new InputError(location, `"${label}" is ${form} but this measure is mapped as ${yearType}`, label);
  }
  const first = checkYear(Number(match[1]), label, location);
  if (match[2] !== twoDigits(first + 1)) {
    throw new InputError(location, `"${label}" is not a year and the one after it, like 2015/16 or 2016-17`, label);
  }
  return splitYear(type, first);
}

/**
 * Reads a LAIT `Years` label. LAIT names a year by the year it ends (2025 = 2024/25 or the year to
 * 31 March 2025). `0` is a placeholder row with no year: null, for the caller to skip and report.
 */
export function parseLaitYear(
  label: string,
  yearType: LaitYearType,
  location: SourceLocation,
): { period: Period; isProvisional: boolean } | null {
  const text = label.trim();
  if (text === "0") return null;
  const endYear = LAIT_END_YEAR.exec(text);
  if (endYear) {
    const end = checkYear(Number(endYear[1]), label, location);
    const isProvisional = endYear[2] !== undefined;
    switch (yearType) {
      case "academic_year":
      case "financial_year":
        return { period: splitYear(yearType, end - 1), isProvisional };
      case "calendar_year":
      case "reporting_year":
        return { period: singleYear(yearType, end), isProvisional };
    }
  }
  const academic = LAIT_ACADEMIC.exec(text);
  if (academic)
    return { period: laitSplitYear(academic, "academic_year", yearType, text, location), isProvisional: false };
  const outturn = LAIT_OUTTURN.exec(text);
  if (outturn)
    return { period: laitSplitYear(outturn, "financial_year", yearType, text, location), isProvisional: false };
  throw new InputError(
    location,
    "LAIT year label not recognised: expected a year like 2025, 2025 (prov), 2015/16 or 2016-17 (OT)",
    label,
  );
}

/**
 * The period a stored code names, also ahead of any data: "202728" (academic or financial year
 * 2027/28), "2028" (calendar or reporting year), "2028-03" (month), "2028Q1" (quarter).
 */
export function periodFromCode(type: PeriodType, code: string): Period | undefined {
  const year = Number(code.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  if ((type === "academic_year" || type === "financial_year") && /^\d{6}$/.test(code)) {
    return code.slice(4) === twoDigits(year + 1) ? splitYear(type, year) : undefined;
  }
  if ((type === "calendar_year" || type === "reporting_year") && /^\d{4}$/.test(code)) return singleYear(type, year);
  // Months ("2025-03") and quarters ("2025Q1"), as stored: read through the DfE reader of the same kinds.
  const at = { file: "", row: 0 };
  const month = /^\d{4}-(\d{2})$/.exec(code);
  if (type === "month" && month && Number(month[1]) >= 1 && Number(month[1]) <= 12) {
    return parseDfePeriod(code.slice(0, 4), MONTHS[Number(month[1]) - 1] as string, at);
  }
  const quarter = /^\d{4}Q([1-4])$/.exec(code);
  if (type === "quarter" && quarter) return parseDfePeriod(code.slice(0, 4), `Q${quarter[1]}`, at);
  return undefined;
}
