import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import type { EesIndicatorMapping } from "../importers/ees.ts";
import type { LaitMeasureMapping } from "../importers/lait.ts";
import { indicators, sourceMappings } from "../schema/index.ts";

export interface StoredMappings {
  lait: LaitMeasureMapping[];
  ees: EesIndicatorMapping[];
}

/** Mappings saved with no layout apply to every file: the catalogue's, and LAIT's measure codes (LAIT's own). */
const ANY_LAYOUT = "";

/**
 * A file's layout: a digest of its set of column names, whatever their order. A column named the same in
 * files shaped differently may mean something else, so what is learnt from one file is reused only for files
 * with the same columns.
 */
export function layoutOf(header: string[]): string {
  const names = [...new Set(header.map((name) => name.trim()))].sort();
  return createHash("sha256").update(names.join("\n")).digest("hex").slice(0, 16);
}

const eesKey = (mapping: EesIndicatorMapping) => `${mapping.valueColumn}|${JSON.stringify(mapping.filters ?? {})}`;

/**
 * Saves mappings (by natural key, so saving the same ones again changes nothing), for files of one layout,
 * or for any file when none is given.
 */
export async function saveMappings(
  tx: Executor,
  mappings: StoredMappings,
  options: { layout?: string } = {},
): Promise<void> {
  const layout = options.layout ?? ANY_LAYOUT;
  const ids = new Map(
    (await tx.select({ id: indicators.id, code: indicators.code }).from(indicators)).map((row) => [row.code, row.id]),
  );
  const idOf = (code: string) => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`a mapping names unknown indicator ${code}`);
    return id;
  };
  const rows = [
    ...mappings.lait.map(({ indicatorCode, ...spec }) => ({
      kind: "lait",
      layout,
      key: spec.shortDesc,
      indicatorId: idOf(indicatorCode),
      spec,
    })),
    ...mappings.ees.map(({ indicatorCode, ...spec }) => ({
      kind: "ees",
      layout,
      key: eesKey({ indicatorCode, ...spec }),
      indicatorId: idOf(indicatorCode),
      spec,
    })),
  ];
  for (const row of rows) {
    await tx
      .insert(sourceMappings)
      .values(row)
      .onConflictDoUpdate({ target: [sourceMappings.kind, sourceMappings.layout, sourceMappings.key], set: row });
  }
}

/** The mappings that may read a file of the given layout (those for any file, and its own); every one without. */
export async function readMappings(tx: Executor, options: { layout?: string } = {}): Promise<StoredMappings> {
  const rows = await tx
    .select({ kind: sourceMappings.kind, spec: sourceMappings.spec, indicatorCode: indicators.code })
    .from(sourceMappings)
    .innerJoin(indicators, eq(indicators.id, sourceMappings.indicatorId))
    .where(options.layout === undefined ? undefined : inArray(sourceMappings.layout, [ANY_LAYOUT, options.layout]))
    .orderBy(sourceMappings.id);
  return {
    lait: rows
      .filter((row) => row.kind === "lait")
      .map((row) => ({ ...(row.spec as Omit<LaitMeasureMapping, "indicatorCode">), indicatorCode: row.indicatorCode })),
    ees: rows
      .filter((row) => row.kind === "ees")
      .map((row) => ({
        ...(row.spec as Omit<EesIndicatorMapping, "indicatorCode">),
        indicatorCode: row.indicatorCode,
      })),
  };
}
