import type { Executor } from "../client.ts";
import { InputError, ProblemCollector } from "../domain/types.ts";
import type { ImportedObservation, ImportWarning } from "../importers/types.ts";
import { indicators, sources } from "../schema/index.ts";
import { AreaResolver } from "./area-resolver.ts";
import { breakdownKey, ensureBreakdowns, ensurePeriods, periodKey } from "./lookups.ts";
import { type PublishOutcome, publishDatasetVersion, type ResolvedObservation } from "./publish.ts";

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
}

export interface LoadOutcome extends PublishOutcome {
  warnings: ImportWarning[];
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
  const sourceRows = await tx.select({ id: sources.id, code: sources.code }).from(sources);
  const sourceIds = new Map(sourceRows.map((row) => [row.code, row.id]));
  const sourceId = meta.sourceCode === null ? null : sourceIds.get(meta.sourceCode);
  if (sourceId === undefined) throw new Error(`unknown source ${meta.sourceCode}`);

  const indicatorRows = await tx
    .select({ id: indicators.id, code: indicators.code, sourceId: indicators.sourceId })
    .from(indicators);
  const indicatorIds = new Map(indicatorRows.map((row) => [row.code, row.id]));
  const indicatorSources = new Map(indicatorRows.map((row) => [row.id, row.sourceId]));
  const periodIds = await ensurePeriods(
    tx,
    figures.map((figure) => figure.period),
  );
  const breakdownIds = await ensureBreakdowns(
    tx,
    figures.map((figure) => figure.breakdown),
  );
  const resolver = await AreaResolver.load(tx);

  const rows: ResolvedObservation[] = [];
  // An area the file contradicts (a code with another's name) is reported and resolving goes on, so one report lists them all.
  const problems = new ProblemCollector();
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

  problems.throwIfAny();
  const outcome = await publishDatasetVersion(tx, { ...meta, sourceId }, rows, {
    withdrawMissing: meta.withdrawMissing ?? false,
  });
  return { ...outcome, warnings: resolver.warnings() };
}
