/** Shapes shared by the period and symbol parsers and the importers. */

export type PeriodType =
  | "academic_year"
  | "financial_year"
  | "calendar_year"
  | "reporting_year"
  | "quarter"
  | "month"
  | "term"
  | "week"
  | "date";

export interface Period {
  type: PeriodType;
  /** Canonical code: 202223 (academic), 202324 (financial), 2025 (calendar or reporting year), 2024Q1, 202223T1... */
  code: string;
  /** As people say it: "2022/23", "2023-24", "31 March 2025". */
  label: string;
  /** ISO dates, inclusive. */
  startsOn: string;
  endsOn: string;
}

/** DOMAIN.md section 6: a figure is a number or one of these typed symbols. */
export type ObservationStatus = "value" | "c" | "x" | "z" | "low" | "u";

export interface ParsedValue {
  status: ObservationStatus;
  /** Present when status is "value"; may be present with "u" (low reliability). */
  value: number | null;
}

/** Where a problem is in an input file; row is the 1-based line number in the file (header = 1). */
export interface SourceLocation {
  file: string;
  row: number;
  column?: string;
}

export class InputError extends Error {
  constructor(
    public readonly location: SourceLocation,
    public readonly reason: string,
    public readonly rawValue?: string,
  ) {
    const where = `${location.file}, row ${location.row}${location.column ? `, column ${location.column}` : ""}`;
    super(`${where}: ${reason}${rawValue !== undefined ? ` (found "${rawValue}")` : ""}`);
    this.name = "InputError";
  }
}
