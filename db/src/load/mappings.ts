import { eq } from "drizzle-orm";
import type { Executor } from "../client.ts";
import type { EesIndicatorMapping } from "../importers/ees.ts";
import type { LaitMeasureMapping } from "../importers/lait.ts";
import { indicators, sourceMappings } from "../schema/index.ts";

export interface StoredMappings {
  lait: LaitMeasureMapping[];
  ees: EesIndicatorMapping[];
}

const eesKey = (mapping: EesIndicatorMapping) => `${mapping.valueColumn}|${JSON.stringify(mapping.filters ?? {})}`;

/** Saves mappings (by natural key, so saving the same ones again changes nothing). */
export async function saveMappings(tx: Executor, mappings: StoredMappings): Promise<void> {
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
      key: spec.shortDesc,
      indicatorId: idOf(indicatorCode),
      spec,
    })),
    ...mappings.ees.map(({ indicatorCode, ...spec }) => ({
      kind: "ees",
      key: eesKey({ indicatorCode, ...spec }),
      indicatorId: idOf(indicatorCode),
      spec,
    })),
  ];
  for (const row of rows) {
    await tx
      .insert(sourceMappings)
      .values(row)
      .onConflictDoUpdate({ target: [sourceMappings.kind, sourceMappings.key], set: row });
  }
}

export async function readMappings(tx: Executor): Promise<StoredMappings> {
  const rows = await tx
    .select({ kind: sourceMappings.kind, spec: sourceMappings.spec, indicatorCode: indicators.code })
    .from(sourceMappings)
    .innerJoin(indicators, eq(indicators.id, sourceMappings.indicatorId));
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
