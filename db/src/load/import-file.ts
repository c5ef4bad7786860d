import type { Executor } from "../client.ts";
import { InputError, ProblemCollector } from "../domain/types.ts";
import type { ImportedObservation, ImportWarning } from "../importers/types.ts";
import { indicators, sources } from "../schema/index.ts";
import { AreaResolver } from "./area-resolver.ts";
import { breakdownKey, ensureBreakdowns, ensurePeriods, periodKey } from "./lookups.ts";
import { beginDatasetVersion, type PublishOutcome, type ResolvedObservation } from "./publish.ts";

/** An imported figure, optionally naming its area by project code and carrying document context. */
export type LoadableObservation = Omit<ImportedObservation, "area"> & {
  /** Or by project code; `column`: the file's column holding it, where a problem with it is located. */
  area: ImportedObservation["area"] | { code: string; column?: string };
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

/** Filter values shown in a warning before the rest are counted. */
const LISTED_FILTER_VALUES = 10;

/** One warning listing the filter values the file breaks figures down by for the first time. */
function newFilterWarnings(fileLabel: string, breakdowns: { dimension: string; value: string }[]): ImportWarning[] {
  // The headline (dimension total) is no filter.
  const added = breakdowns.filter((breakdown) => breakdown.dimension !== "total");
  if (added.length === 0) return [];
  const listed = added.slice(0, LISTED_FILTER_VALUES).map(({ dimension, value }) => `${dimension} "${value}"`);
  const more = added.length - listed.length;
  const shown = `${listed.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
  const s = added.length === 1 ? "" : "s";
  return [
    {
      kind: "new-filter",
      message:
        `${fileLabel}: ${added.length} filter value${s} no published figure was broken down by before will become breakdown${s} ` +
        `(${shown}): check ${added.length === 1 ? "it is" : "they are"} spelt as in earlier releases, or figures ` +
        "will be split across two names for one group",
      count: added.length,
    },
  ];
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
  // Importers share one period or breakdown object among many figures: its id is then found by the object,
  // without building its key again. Weak, so figures of importers that do not share free their objects.
  const periodIdsByObject = new WeakMap<object, number>();
  const breakdownIdsByObject = new WeakMap<object, number>();
  const periodIdOf = (period: LoadableObservation["period"]) => {
    let id = periodIdsByObject.get(period);
    if (id === undefined) {
      id = periodIds.get(periodKey(period.type, period.code));
      if (id !== undefined) periodIdsByObject.set(period, id);
    }
    return id;
  };
  const breakdownIdOf = (breakdown: LoadableObservation["breakdown"]) => {
    let id = breakdownIdsByObject.get(breakdown);
    if (id === undefined) {
      id = breakdownIds.get(breakdownKey(breakdown.dimension, breakdown.value));
      if (id !== undefined) breakdownIdsByObject.set(breakdown, id);
    }
    return id;
  };
  // An area the file contradicts (a code with another's name) is reported and resolving goes on, so one report lists them all.
  const problems = new ProblemCollector();
  /** Filter values no figure was broken down by before: a warning to review. */
  const addedBreakdowns: { dimension: string; value: string }[] = [];

  return {
    async add(figures) {
      if (writer.unchanged) return;
      const newPeriods = figures.filter((figure) => periodIdOf(figure.period) === undefined);
      if (newPeriods.length > 0) {
        for (const [key, id] of await ensurePeriods(
          tx,
          newPeriods.map((figure) => figure.period),
        ))
          periodIds.set(key, id);
      }
      const newBreakdowns = figures.filter((figure) => breakdownIdOf(figure.breakdown) === undefined);
      if (newBreakdowns.length > 0) {
        const { ids, created } = await ensureBreakdowns(
          tx,
          newBreakdowns.map((figure) => figure.breakdown),
        );
        for (const [key, id] of ids) breakdownIds.set(key, id);
        addedBreakdowns.push(...created);
      }
      const rows: ResolvedObservation[] = [];
      for (const figure of figures) {
        const indicatorId = indicatorIds.get(figure.indicatorCode);
        if (indicatorId === undefined) {
          problems.add(new InputError(figure.location, `unknown indicator "${figure.indicatorCode}"`));
          continue;
        }
        const { area } = figure;
        const areaId =
          "code" in area && area.code && !("level" in area)
            ? problems.check(() =>
                resolver.resolveCode(
                  area.code,
                  area.column ? { ...figure.location, column: area.column } : figure.location,
                ),
              )
            : (resolver.resolved(area as ImportedObservation["area"]) ??
              (await problems.checkAsync(() =>
                resolver.resolve(area as ImportedObservation["area"], figure.location),
              )));
        if (areaId === undefined) continue;
        const figureSourceId = figure.sourceCode
          ? sourceIds.get(figure.sourceCode)
          : (sourceId ?? indicatorSources.get(indicatorId) ?? null);
        if (figureSourceId === undefined) throw new InputError(figure.location, `unknown source ${figure.sourceCode}`);
        rows.push({
          indicatorId,
          areaId,
          periodId: periodIdOf(figure.period) as number,
          breakdownId: breakdownIdOf(figure.breakdown) as number,
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
      return { ...outcome, warnings: [...resolver.warnings(), ...newFilterWarnings(meta.fileName, addedBreakdowns)] };
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
