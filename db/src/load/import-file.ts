import type { Executor } from "../client.ts";
import { InputError, ProblemCollector } from "../domain/types.ts";
import type { ImportedObservation, ImportWarning } from "../importers/types.ts";
import { indicators, sources } from "../schema/index.ts";
import { AreaResolver } from "./area-resolver.ts";
import { breakdownKey, ensureBreakdowns, ensurePeriods, periodKey } from "./lookups.ts";
import { beginDatasetVersion, type PublishOutcome, type ResolvedObservation } from "./publish.ts";

/** An imported figure, optionally naming its area by project code and carrying document context. */
export type LoadableObservation = Omit<ImportedObservation, "area"> & {
  area: ImportedObservation["area"] | { code: string };
  note?: string;
  isDisputed?: boolean;
  sourceCode?: string;
  sourceLocator?: string;
};

export interface LoadMetadata {
  datasetCode: string;
  datasetTitle: string;
  /** The publication the figures come from; null: each indicator's own source. */
  sourceCode: string | null;
  fileName: string;
  fileSha256: string;
  rowCount: number;
  licence: string;
  note: string;
  createdBy: string;
  isIllustrative?: boolean;
  /** A new version of the dataset replaces the whole dataset: its figures missing from this file are withdrawn. */
  withdrawMissing?: boolean;
  /** Checks without publishing, in a transaction to be rolled back: see DatasetVersionOptions. */
  rehearsal?: boolean;
}

export interface LoadOutcome extends PublishOutcome {
  warnings: ImportWarning[];
}

/** Takes figures batch by batch and publishes them as one dataset version when finished. */
export interface ObservationLoad {
  add(figures: LoadableObservation[]): Promise<void>;
  /** `rowCount`: the file's rows, when only known once it has been read. */
  finish(counts?: { rowCount?: number }): Promise<LoadOutcome>;
}

/**
 * Resolves imported figures to database ids and writes them, batch by batch, as one dataset version:
 * a large file's figures never sit whole in memory. An area the file contradicts or an unknown
 * indicator is collected, and every one is thrown by `finish` (the caller's transaction then undoes
 * what was written).
 */
export async function startObservationLoad(tx: Executor, meta: LoadMetadata): Promise<ObservationLoad> {
  const sourceRows = await tx.select({ id: sources.id, code: sources.code }).from(sources);
  const sourceIds = new Map(sourceRows.map((row) => [row.code, row.id]));
  const sourceId = meta.sourceCode === null ? null : sourceIds.get(meta.sourceCode);
  if (sourceId === undefined) throw new Error(`unknown source ${meta.sourceCode}`);

  const indicatorRows = await tx
    .select({ id: indicators.id, code: indicators.code, sourceId: indicators.sourceId })
    .from(indicators);
  const indicatorIds = new Map(indicatorRows.map((row) => [row.code, row.id]));
  const indicatorSources = new Map(indicatorRows.map((row) => [row.id, row.sourceId]));
  const resolver = await AreaResolver.load(tx);
  const writer = await beginDatasetVersion(
    tx,
    { ...meta, sourceId },
    { withdrawMissing: meta.withdrawMissing ?? false, rehearsal: meta.rehearsal ?? false },
  );
  const periodIds = new Map<string, number>();
  const breakdownIds = new Map<string, number>();
  // An area the file contradicts (a code with another's name) is reported and resolving goes on, so one report lists them all.
  const problems = new ProblemCollector();

  return {
    async add(figures) {
      if (writer.unchanged) return;
      if (figures.some((figure) => !periodIds.has(periodKey(figure.period.type, figure.period.code)))) {
        for (const [key, id] of await ensurePeriods(
          tx,
          figures.map((figure) => figure.period),
        ))
          periodIds.set(key, id);
      }
      if (
        figures.some((figure) => !breakdownIds.has(breakdownKey(figure.breakdown.dimension, figure.breakdown.value)))
      ) {
        for (const [key, id] of await ensureBreakdowns(
          tx,
          figures.map((figure) => figure.breakdown),
        ))
          breakdownIds.set(key, id);
      }
      const rows: ResolvedObservation[] = [];
      for (const figure of figures) {
        const indicatorId = indicatorIds.get(figure.indicatorCode);
        if (indicatorId === undefined) {
          problems.add(new InputError(figure.location, `unknown indicator "${figure.indicatorCode}"`));
          continue;
        }
        const areaId = await problems.checkAsync(async () =>
          "code" in figure.area && figure.area.code && !("level" in figure.area)
            ? resolver.resolveCode(figure.area.code, figure.location)
            : await resolver.resolve(figure.area as ImportedObservation["area"], figure.location),
        );
        if (areaId === undefined) continue;
        const figureSourceId = figure.sourceCode
          ? sourceIds.get(figure.sourceCode)
          : (sourceId ?? indicatorSources.get(indicatorId) ?? null);
        if (figureSourceId === undefined) throw new InputError(figure.location, `unknown source ${figure.sourceCode}`);
        rows.push({
          indicatorId,
          areaId,
          periodId: periodIds.get(periodKey(figure.period.type, figure.period.code)) as number,
          breakdownId: breakdownIds.get(breakdownKey(figure.breakdown.dimension, figure.breakdown.value)) as number,
          status: figure.status,
          value: figure.value,
          numerator: figure.numerator,
          denominator: figure.denominator,
          isProvisional: figure.isProvisional,
          isIllustrative: meta.isIllustrative ?? false,
          isDisputed: figure.isDisputed ?? false,
          note: figure.note ?? "",
          sourceId: figureSourceId,
          sourceLocator: figure.sourceLocator ?? `${figure.location.file}, row ${figure.location.row}`,
        });
      }
      // Once the file is known to be refused, nothing more is worth writing.
      if (problems.count === 0) await writer.write(rows);
    },
    async finish(counts = {}) {
      problems.throwIfAny();
      const outcome = await writer.finish(counts);
      return { ...outcome, warnings: resolver.warnings() };
    },
  };
}

/**
 * Resolves imported figures to database ids and publishes them as one dataset version. The seed,
 * the upload API and the load-data command all come through here.
 */
export async function loadObservations(
  tx: Executor,
  meta: LoadMetadata,
  figures: LoadableObservation[],
): Promise<LoadOutcome> {
  const load = await startObservationLoad(tx, meta);
  await load.add(figures);
  return load.finish();
}
