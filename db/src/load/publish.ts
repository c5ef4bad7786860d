import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client.ts";
import type { ObservationStatus } from "../domain/types.ts";
import { datasets, datasetVersions, indicators, observations } from "../schema/index.ts";

export interface DatasetVersionInput {
  datasetCode: string;
  datasetTitle: string;
  sourceId: number | null;
  fileName: string;
  fileSha256: string;
  rowCount: number;
  licence: string;
  note: string;
  createdBy: string;
}

/** An observation whose indicator, area, period and breakdown are database ids. */
export interface ResolvedObservation {
  indicatorId: number;
  areaId: number;
  periodId: number;
  breakdownId: number;
  status: ObservationStatus;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  isProvisional: boolean;
  isIllustrative: boolean;
  isDisputed: boolean;
  /** Set by publishing when the figure replaces a different published one. */
  isRevised?: boolean;
  note: string;
  sourceId: number | null;
  sourceLocator: string;
}

export interface PublishOutcome {
  datasetId: number;
  versionId: number;
  version: number;
  /** True when the same file was already the dataset's latest published version: nothing was written. */
  unchanged: boolean;
  inserted: number;
  revised: number;
  withdrawn: number;
}

const PUBLISH_LOCK_KEY = 7_203_312;
const BATCH = 1000;

/**
 * Publishes a dataset version inside the caller's transaction: earlier figures for the same keys are
 * superseded (kept, never deleted), and concurrent publishes are serialised by an advisory lock.
 */
export async function publishDatasetVersion(
  tx: Executor,
  input: DatasetVersionInput & { restoresVersionId?: number },
  rows: ResolvedObservation[],
  options: { withdrawMissing: boolean } = { withdrawMissing: false },
): Promise<PublishOutcome> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK_KEY})`);
  await tx
    .insert(datasets)
    .values({ code: input.datasetCode, title: input.datasetTitle, sourceId: input.sourceId })
    .onConflictDoNothing({ target: datasets.code });
  const [dataset] = await tx.select().from(datasets).where(eq(datasets.code, input.datasetCode));
  if (!dataset) throw new Error(`dataset ${input.datasetCode} could not be created`);

  const [latest] = await tx
    .select()
    .from(datasetVersions)
    .where(and(eq(datasetVersions.datasetId, dataset.id), eq(datasetVersions.status, "published")))
    .orderBy(desc(datasetVersions.version))
    .limit(1);
  if (latest && latest.fileSha256 === input.fileSha256) {
    return {
      datasetId: dataset.id,
      versionId: latest.id,
      version: latest.version,
      unchanged: true,
      inserted: 0,
      revised: 0,
      withdrawn: 0,
    };
  }

  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${datasetVersions.version}), 0)::int + 1` })
    .from(datasetVersions)
    .where(eq(datasetVersions.datasetId, dataset.id));
  const [version] = await tx
    .insert(datasetVersions)
    .values({
      datasetId: dataset.id,
      version: Number(next),
      status: "published",
      fileName: input.fileName,
      fileSha256: input.fileSha256,
      rowCount: input.rowCount,
      observationCount: rows.length,
      licence: input.licence,
      note: input.note,
      restoresVersionId: input.restoresVersionId ?? null,
      createdBy: input.createdBy,
      publishedAt: new Date(),
    })
    .returning();
  if (!version) throw new Error("dataset version was not created");

  const indicatorRows = await tx
    .select({ id: indicators.id, decimalPlaces: indicators.decimalPlaces })
    .from(indicators)
    .where(inArray(indicators.id, [...new Set(rows.map((row) => row.indicatorId))]));
  const decimalPlaces = new Map(indicatorRows.map((row) => [row.id, row.decimalPlaces]));

  let revised = 0;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    revised += await supersede(tx, batch, version.id, decimalPlaces);
    await tx.insert(observations).values(batch.map((row) => ({ ...row, datasetVersionId: version.id })));
  }

  const indicatorIds = [...new Set(rows.map((row) => row.indicatorId))];
  if (indicatorIds.length > 0) {
    await tx.update(indicators).set({ lastUpdated: sql`current_date` }).where(inArray(indicators.id, indicatorIds));
  }
  // Figures of this dataset's earlier versions that the new version does not carry are withdrawn, not deleted.
  const withdrawn = options.withdrawMissing
    ? (
        await tx
          .update(observations)
          .set({ supersededByVersionId: version.id })
          .where(
            and(
              isNull(observations.supersededByVersionId),
              sql`${observations.datasetVersionId} in (select id from dataset_versions where dataset_id = ${dataset.id} and id <> ${version.id})`,
            ),
          )
          .returning({ id: observations.id })
      ).length
    : 0;
  return {
    datasetId: dataset.id,
    versionId: version.id,
    version: version.version,
    unchanged: false,
    inserted: rows.length,
    revised,
    withdrawn,
  };
}

const intArray = (values: number[]) => `{${values.join(",")}}`;

/** Marks the current figures for these keys as superseded; returns how many changed value. */
async function supersede(
  tx: Executor,
  batch: ResolvedObservation[],
  versionId: number,
  decimalPlaces: Map<number, number>,
): Promise<number> {
  // Keys travel as four int arrays: one parameter each, however large the batch.
  const previous = await queryRows<{
    indicator_id: number;
    area_id: number;
    period_id: number;
    breakdown_id: number;
    status: string;
    value: number | null;
  }>(
    tx,
    sql`update observations o set superseded_by_version_id = ${versionId}
        from unnest(${intArray(batch.map((row) => row.indicatorId))}::int[], ${intArray(batch.map((row) => row.areaId))}::int[],
                    ${intArray(batch.map((row) => row.periodId))}::int[], ${intArray(batch.map((row) => row.breakdownId))}::int[])
             as k(indicator_id, area_id, period_id, breakdown_id)
        where o.superseded_by_version_id is null and o.indicator_id = k.indicator_id and o.area_id = k.area_id
          and o.period_id = k.period_id and o.breakdown_id = k.breakdown_id
        returning o.indicator_id, o.area_id, o.period_id, o.breakdown_id, o.status, o.value`,
  );
  if (previous.length === 0) return 0;
  const before = new Map(
    previous.map((row) => [`${row.indicator_id}:${row.area_id}:${row.period_id}:${row.breakdown_id}`, row]),
  );
  let revised = 0;
  for (const row of batch) {
    const old = before.get(`${row.indicatorId}:${row.areaId}:${row.periodId}:${row.breakdownId}`);
    // A more precise copy of the same published figure (11.62 then 11.61829) is not a revision.
    const shown = (value: number | null) =>
      value === null ? null : value.toFixed(decimalPlaces.get(row.indicatorId) ?? 2);
    if (old && (old.status !== row.status || shown(old.value) !== shown(row.value))) {
      // Readers see that this figure replaced a different one.
      row.isRevised = true;
      revised += 1;
    }
  }
  return revised;
}
