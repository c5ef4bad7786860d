import { eq } from "drizzle-orm";
import type { Executor } from "../client.ts";
import type { PeriodType } from "../domain/types.ts";
import { type EesIndicatorMapping, isPercentageColumn } from "../importers/ees.ts";
import type { LaitMeasureMapping } from "../importers/lait.ts";
import type { ImportWarning } from "../importers/types.ts";
import { indicators, sources } from "../schema/index.ts";
import { saveMappings } from "./mappings.ts";

/** An indicator the product did not know, described from a file (and its `.meta.csv` or dictionary when given). */
export interface NewIndicator {
  code: string;
  title: string;
  definition: string;
  unit: string;
  decimalPlaces: number;
  multiplier: number;
  valueType: "proportion" | "rate" | "count" | "mean" | "other";
  periodType: PeriodType;
  /** The file column (EES) or measure code (LAIT) it comes from. */
  from: string;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/**
 * A new indicator's code comes from its column or measure alone, so the same column loaded again (from
 * this file or another with the same layout) finds the same indicator instead of making a second one.
 */
export const newIndicatorCode = (format: "ees" | "lait", name: string) => `${format}-${slug(name) || "column"}`;

/**
 * The code of a new indicator read from a column of a file of this layout: the column's own code, unless an
 * indicator (made from a file of another layout, where the same name may mean something else) has it already;
 * then the layout's digest tells the two apart. Within the 64 characters an indicator code may have.
 */
export async function newLayoutIndicatorCode(tx: Executor, name: string, layout: string): Promise<string> {
  const code = newIndicatorCode("ees", name);
  const [taken] = await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, code));
  return taken ? `${code.slice(0, 55)}-${layout.slice(0, 8)}` : code;
}

/** "no_further_action_percent" → "No further action percent". */
export function titleFromColumn(name: string): string {
  const words = name.replace(/[_\s]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Unit, multiplier and kind of value, from the unit the file declares or else from the column's name. */
export function describeUnit(
  name: string,
  declaredUnit: string,
  decimalPlaces: number,
): Pick<NewIndicator, "unit" | "multiplier" | "valueType"> {
  const column = name.toLowerCase();
  if (isPercentageColumn(name) || (declaredUnit === "%" && !/rate/.test(column))) {
    return { unit: "%", multiplier: 100, valueType: "proportion" };
  }
  if (/per_?10_?000|per_?10k/.test(column)) return { unit: "per 10,000", multiplier: 10_000, valueType: "rate" };
  if (/rate/.test(column)) return { unit: declaredUnit || "rate", multiplier: 1, valueType: "rate" };
  if (declaredUnit) return { unit: declaredUnit, multiplier: 1, valueType: "other" };
  return decimalPlaces === 0
    ? { unit: "count", multiplier: 1, valueType: "count" }
    : { unit: "", multiplier: 1, valueType: "other" };
}

/** The source of indicators made from a file: the file itself, until an analyst names the publication. */
async function ensureFileSource(tx: Executor, fileLabel: string, sourceCode?: string): Promise<number> {
  const code = sourceCode ?? `file-${slug(fileLabel.replace(/\.[^.]+$/, ""))}`;
  await tx
    .insert(sources)
    .values({ code, title: fileLabel, publisher: "As loaded from the file: review", licence: "" })
    .onConflictDoNothing({ target: sources.code });
  const [row] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.code, code));
  if (!row) throw new Error(`source ${code} was not created`);
  return row.id;
}

/**
 * Adds the indicators and saves the mappings that read them, inside the caller's transaction (rolled back
 * with a dry run). An indicator whose code already exists is reused, never duplicated. Returns one
 * warning naming each, for the analyst to review before publishing.
 */
export async function addNewIndicators(
  tx: Executor,
  fileLabel: string,
  created: { indicator: NewIndicator; ees?: EesIndicatorMapping; lait?: LaitMeasureMapping }[],
  options: { sourceCode?: string; noun?: "column" | "measure"; layout?: string } = {},
): Promise<ImportWarning[]> {
  if (created.length === 0) return [];
  const sourceId = await ensureFileSource(tx, fileLabel, options.sourceCode);
  for (const { indicator } of created) {
    await tx
      .insert(indicators)
      .values({
        code: indicator.code,
        title: indicator.title,
        definition: indicator.definition,
        unit: indicator.unit,
        decimalPlaces: indicator.decimalPlaces,
        multiplier: indicator.multiplier,
        valueType: indicator.valueType,
        polarity: "none",
        periodType: indicator.periodType,
        sourceId,
        caveats: `Made from ${indicator.from} of ${fileLabel} when it was loaded: review the title, definition, unit, polarity and source.`,
      })
      .onConflictDoNothing({ target: indicators.code });
  }
  await saveMappings(
    tx,
    {
      ees: created.flatMap(({ ees }) => (ees ? [ees] : [])),
      lait: created.flatMap(({ lait }) => (lait ? [lait] : [])),
    },
    options.layout ? { layout: options.layout } : {},
  );
  const noun = options.noun ?? "column";
  const list = created.map(
    ({ indicator }) => `${indicator.code} ("${indicator.title}", ${indicator.unit || "no unit"})`,
  );
  return [
    {
      kind: "new-indicator",
      message:
        `${fileLabel}: ${created.length} ${noun}${created.length === 1 ? "" : "s"} matched no indicator and became ` +
        `new indicator${created.length === 1 ? "" : "s"}, with no polarity and linked to no priority: ${list.join("; ")}. ` +
        "Review them before publishing; loading the same layout again reuses them.",
      count: created.length,
    },
  ];
}
