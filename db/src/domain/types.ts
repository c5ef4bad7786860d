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

/** Several problems in one file: the first ones found (up to a limit) and how many there were in all. */
export class InputErrors extends Error {
  constructor(
    public readonly problems: InputError[],
    public readonly total: number,
  ) {
    super(`${total} problem${total === 1 ? "" : "s"}, the first: ${problems[0]?.message ?? ""}`);
    this.name = "InputErrors";
  }
}

/** A problem as reports list it: where it is, what was found, and why it is refused. */
export interface LocatedProblem {
  file: string;
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

export function toLocatedProblem(error: InputError): LocatedProblem {
  return {
    file: error.location.file,
    row: error.location.row,
    column: error.location.column ?? null,
    value: error.rawValue ?? null,
    reason: error.reason,
  };
}

/** The problems a refused file gets in its report (one, or the first hundred of many); anything else is rethrown. */
export function locatedProblems(error: unknown): { problems: LocatedProblem[]; total: number } {
  if (error instanceof InputErrors) return { problems: error.problems.map(toLocatedProblem), total: error.total };
  if (error instanceof InputError) return { problems: [toLocatedProblem(error)], total: 1 };
  throw error;
}

/**
 * Keeps going past a bad cell so the report can list many (the first `limit` kept, all counted);
 * anything that makes the rest of the file unreadable still stops at once.
 */
export class ProblemCollector {
  private readonly kept: InputError[] = [];
  private total = 0;
  private readonly seen = new Set<string>();

  constructor(private readonly limit = 100) {}

  /** Runs a check; an InputError is recorded instead of thrown. */
  check<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.add(error);
      return undefined;
    }
  }

  /** The same for an asynchronous check. */
  async checkAsync<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.add(error);
      return undefined;
    }
  }

  add(error: InputError): void {
    // The same problem met again (a repeated row looked up from several others) is reported once.
    if (this.seen.has(error.message)) return;
    if (this.seen.size < 10_000) this.seen.add(error.message);
    this.total++;
    if (this.kept.length < this.limit) this.kept.push(error);
  }

  get count(): number {
    return this.total;
  }

  /** Throws every problem recorded, the kept ones in file order (by file, then row). */
  throwIfAny(): void {
    if (this.total === 0) return;
    const order = new Map<string, number>();
    for (const problem of this.kept)
      if (!order.has(problem.location.file)) order.set(problem.location.file, order.size);
    const sorted = [...this.kept].sort(
      (a, b) =>
        (order.get(a.location.file) as number) - (order.get(b.location.file) as number) ||
        a.location.row - b.location.row,
    );
    throw new InputErrors(sorted, this.total);
  }
}
