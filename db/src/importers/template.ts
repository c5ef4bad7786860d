import { periodFromCode } from "../domain/periods.ts";
import { checkPercentage, parseObservationValue } from "../domain/symbols.ts";
import { InputError, type PeriodType, ProblemCollector, type SourceLocation } from "../domain/types.ts";
import { readCsvRecords } from "./csv.ts";
import type { ImportedObservation, ImportWarning } from "./types.ts";

/**
 * The project's own long layout, for figures no official file carries (Family Hub reach, early help,
 * locality counts): one figure per row, areas by the project's codes or ONS codes.
 */
export const TEMPLATE_COLUMNS = [
  "indicator",
  "area",
  "period",
  "breakdown",
  "value",
  "numerator",
  "denominator",
  "status",
] as const;
const REQUIRED = ["indicator", "area", "period", "value"] as const;

/** A figure named by area code, as the loader resolves them. */
export type TemplateObservation = Omit<ImportedObservation, "area"> & { area: { code: string; column: string } };

export interface TemplateIndicator {
  periodType: PeriodType;
  isPercentage: boolean;
}

/** "2024/25", "2024-25" and "202425" all name the academic (or financial) year 2024/25. */
function periodOf(raw: string, type: PeriodType, at: SourceLocation) {
  const splitYear = type === "academic_year" || type === "financial_year";
  const text = splitYear ? raw.trim().replace(/^(\d{4})[/-](\d{2})$/, "$1$2") : raw.trim();
  const period = periodFromCode(type, text);
  if (period) return period;
  const examples: Partial<Record<PeriodType, string>> = {
    academic_year: "202425 or 2024/25",
    financial_year: "202425 or 2024-25",
    calendar_year: "2025",
    reporting_year: "2025",
    month: "2025-03",
    quarter: "2025Q1",
  };
  const example = examples[type];
  throw new InputError(
    { ...at, column: "period" },
    `not a period of this indicator (${type.replaceAll("_", " ")}): write it like ${example || "its code"}`,
    raw,
  );
}

function countOf(raw: string, column: "numerator" | "denominator", at: SourceLocation): number | null {
  if (raw.trim() === "") return null;
  const parsed = parseObservationValue(raw, { ...at, column });
  if (parsed.value === null || parsed.value < 0) {
    throw new InputError({ ...at, column }, `${column} must be a count of 0 or more, or empty`, raw);
  }
  return parsed.value;
}

/** Reads a template file; every bad row is reported (file, row, column, why), none published. */
export async function importTemplateFile(
  path: string,
  indicators: ReadonlyMap<string, TemplateIndicator>,
  options: { fileLabel: string },
): Promise<{ observations: TemplateObservation[]; warnings: ImportWarning[]; rowCount: number }> {
  const file = options.fileLabel;
  const problems = new ProblemCollector();
  const { header, records } = await readCsvRecords(path, { fileLabel: file, problems });
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    await records.return?.(undefined);
    throw new InputError(
      { file, row: 1 },
      `the template needs the columns ${missing.join(", ")} (it has: ${header.join(", ")})`,
    );
  }
  const cell = (cells: string[], column: (typeof TEMPLATE_COLUMNS)[number]) => {
    const index = names.indexOf(column);
    return index === -1 ? "" : (cells[index] ?? "");
  };

  const observations: TemplateObservation[] = [];
  const keys = new Map<string, number>();
  let rowCount = 0;
  for await (const { row, cells } of records) {
    rowCount++;
    const at = { file, row };
    problems.check(() => {
      const code = cell(cells, "indicator").trim();
      const indicator = indicators.get(code);
      if (!indicator) {
        throw new InputError({ ...at, column: "indicator" }, "no indicator has this code: see /api/indicators", code);
      }
      const area = cell(cells, "area").trim();
      if (!area) throw new InputError({ ...at, column: "area" }, "the area code is missing", "");
      const period = periodOf(cell(cells, "period"), indicator.periodType, at);
      const breakdownText = cell(cells, "breakdown").trim();
      const breakdown =
        breakdownText === "" || breakdownText.toLowerCase() === "total"
          ? { dimension: "total", value: "Total" }
          : (() => {
              const [dimension, ...rest] = breakdownText.split(":");
              const value = rest.join(":").trim();
              if (!dimension?.trim() || !value) {
                throw new InputError(
                  { ...at, column: "breakdown" },
                  "write a breakdown as dimension:value, like sex:Girls, or leave it empty for the total",
                  breakdownText,
                );
              }
              return { dimension: dimension.trim().toLowerCase().replace(/\s+/g, "_"), value };
            })();
      const rawValue = cell(cells, "value");
      const statusText = cell(cells, "status").trim();
      const parsed = parseObservationValue(statusText && rawValue.trim() === "" ? statusText : rawValue, {
        ...at,
        column: "value",
      });
      if (indicator.isPercentage) checkPercentage(parsed.value, rawValue, { ...at, column: "value" });
      const numerator = countOf(cell(cells, "numerator"), "numerator", at);
      const denominator = countOf(cell(cells, "denominator"), "denominator", at);
      if (numerator !== null && denominator !== null && numerator > denominator) {
        throw new InputError(
          { ...at, column: "numerator" },
          `numerator ${numerator} is above its denominator ${denominator}`,
          String(numerator),
        );
      }
      const key = [code, area, period.code, breakdown.dimension, breakdown.value].join("|");
      const first = keys.get(key);
      if (first !== undefined) {
        throw new InputError(
          { ...at, column: "area" },
          `a second figure for ${code}, ${area}, ${period.label}, ${breakdown.value}: the first is on row ${first}`,
          area,
        );
      }
      keys.set(key, row);
      observations.push({
        indicatorCode: code,
        area: { code: area, column: "area" },
        period,
        breakdown,
        status: parsed.status,
        value: parsed.value,
        numerator,
        denominator,
        isProvisional: false,
        location: at,
      });
    });
  }
  problems.throwIfAny();
  return { observations, warnings: [], rowCount };
}
