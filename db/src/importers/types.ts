import type { ObservationStatus, Period, SourceLocation } from "../domain/types.ts";

/** How a row names its area; the loader resolves it against the areas table. */
export interface AreaReference {
  level: "National" | "Regional" | "Local authority" | "School";
  /** ONS 9-character code (country_code, region_code or new_la_code), when the file gives one. */
  onsCode?: string;
  /** DfE LA number (old_la_code) or, for schools, the LAESTAB. */
  dfeCode?: string;
  name?: string;
  /** For LAs and schools: the region they sit in, as the file says it. */
  regionCode?: string;
  regionName?: string;
  /** For schools: the LA they sit in. */
  laOnsCode?: string;
  laDfeCode?: string;
  /** The column each field was read from, so a problem with the area is located in the cell that holds it. */
  columns?: Partial<Record<AreaField, string>>;
}

/** The fields by which a file names an area. */
export type AreaField = Exclude<keyof AreaReference, "level" | "columns">;

/** One figure read from a file, before areas, periods and indicators are resolved to database ids. */
export interface ImportedObservation {
  indicatorCode: string;
  area: AreaReference;
  period: Period;
  /** `{ dimension: "total", value: "Total" }` for the headline figure. */
  breakdown: { dimension: string; value: string };
  status: ObservationStatus;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  isProvisional: boolean;
  location: SourceLocation;
}

/** Warnings do not stop a load; they are reported (and, for uploads, must be acknowledged). */
export interface ImportWarning {
  kind: string;
  message: string;
  count: number;
  location?: SourceLocation;
}

export interface ImportResult {
  /** Every figure read; empty when they were passed on in batches as the file streamed. */
  observations: ImportedObservation[];
  warnings: ImportWarning[];
  rowCount: number;
  /** How many figures were read, held or passed on. */
  observationCount: number;
}
