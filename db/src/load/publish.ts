import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { copyRowsInto, type Executor, intArrayLiteral, queryRows } from "../client.ts";
import { InputError, type ObservationStatus } from "../domain/types.ts";
import { datasets, datasetVersions, indicators } from "../schema/index.ts";

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
  /**
   * Set by a rehearsal: the temporary table (dropped with the caller's transaction) holding the figures the
   * version would publish. Nothing was written to observations.
   */
  rehearsedIn?: string;
}

export interface DatasetVersionOptions {
  withdrawMissing: boolean;
  /**
   * Checks a version without publishing it, for a transaction that will be rolled back: the figures go to a
   * temporary table with the observations table's own checks (its ids come from this transaction's look-ups,
   * so its foreign keys hold by construction), and no published figure is touched.
   */
  rehearsal?: boolean;
}

/** Names each rehearsal's temporary table, so two in one transaction never meet. */
let rehearsals = 0;

const PUBLISH_LOCK_KEY = 7_203_312;
const BATCH = 5000;

/** Writes one dataset version batch by batch, so a large file's figures never sit whole in memory. */
export interface DatasetVersionWriter {
  /** True when the same file is already the dataset's latest published version: writes are ignored. */
  readonly unchanged: boolean;
  write(rows: ResolvedObservation[]): Promise<void>;
  /** `rowCount`: the file's rows, when only known once it has been read. */
  finish(counts?: { rowCount?: number }): Promise<PublishOutcome>;
}

/**
 * Starts publishing a dataset version inside the caller's transaction: earlier figures for the same keys
 * are superseded (kept, never deleted) as each batch is written, and concurrent publishes are serialised
 * by an advisory lock held until the transaction ends.
 */
export async function beginDatasetVersion(
  tx: Executor,
  input: DatasetVersionInput & { restoresVersionId?: number },
  options: DatasetVersionOptions = { withdrawMissing: false },
): Promise<DatasetVersionWriter> {
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
    const outcome: PublishOutcome = {
      datasetId: dataset.id,
      versionId: latest.id,
      version: latest.version,
      unchanged: true,
      inserted: 0,
      revised: 0,
      withdrawn: 0,
    };
    return { unchanged: true, write: async () => {}, finish: async () => outcome };
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
      observationCount: 0,
      licence: input.licence,
      note: input.note,
      restoresVersionId: input.restoresVersionId ?? null,
      createdBy: input.createdBy,
      publishedAt: new Date(),
    })
    .returning();
  if (!version) throw new Error("dataset version was not created");
  if (options.rehearsal) {
    const ids = { datasetId: dataset.id, versionId: version.id, version: version.version };
    return rehearseDatasetVersion(tx, ids, input.fileName);
  }

  const decimalPlaces = new Map<number, number>();
  const indicatorIds = new Set<number>();
  /**
   * Indicators with current figures from before this version: only their keys can be superseded. Asked once per
   * indicator, before this version writes any of its figures, so a new indicator's rows skip the look-up.
   */
  const hadFigures = new Map<number, boolean>();
  let inserted = 0;
  let revised = 0;

  return {
    unchanged: false,
    async write(rows) {
      const unknown = [...new Set(rows.map((row) => row.indicatorId))].filter((id) => !decimalPlaces.has(id));
      if (unknown.length > 0) {
        const found = await tx
          .select({ id: indicators.id, decimalPlaces: indicators.decimalPlaces })
          .from(indicators)
          .where(inArray(indicators.id, unknown));
        for (const row of found) decimalPlaces.set(row.id, row.decimalPlaces);
      }
      for (const id of new Set(rows.map((row) => row.indicatorId))) {
        if (hadFigures.has(id)) continue;
        const [found] = await queryRows<{ found: boolean }>(
          tx,
          sql`select exists (select 1 from observations where indicator_id = ${id} and superseded_by_version_id is null) as found`,
        );
        hadFigures.set(id, found?.found === true);
      }
      for (const row of rows) indicatorIds.add(row.indicatorId);
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const known = batch.filter((row) => hadFigures.get(row.indicatorId));
        if (known.length > 0) revised += await supersede(tx, known, version.id, decimalPlaces);
        await insertObservations(tx, batch, version.id);
      }
      inserted += rows.length;
    },
    async finish(counts = {}) {
      await tx
        .update(datasetVersions)
        .set({ observationCount: inserted, ...(counts.rowCount !== undefined ? { rowCount: counts.rowCount } : {}) })
        .where(eq(datasetVersions.id, version.id));
      if (indicatorIds.size > 0) {
        await tx
          .update(indicators)
          .set({ lastUpdated: sql`current_date` })
          .where(inArray(indicators.id, [...indicatorIds]));
      }
      // Figures of this dataset's earlier versions that the new version does not carry are withdrawn, not deleted.
      // Counted in the database: a large withdrawal never comes back row by row.
      const withdrawn = options.withdrawMissing
        ? ((
            await queryRows<{ count: number }>(
              tx,
              sql`with withdrawn as (
                    update observations set superseded_by_version_id = ${version.id}
                    where superseded_by_version_id is null and dataset_version_id in
                      (select id from dataset_versions where dataset_id = ${dataset.id} and id <> ${version.id})
                    returning 1)
                  select count(*)::int as count from withdrawn`,
            )
          )[0]?.count ?? 0)
        : 0;
      return {
        datasetId: dataset.id,
        versionId: version.id,
        version: version.version,
        unchanged: false,
        inserted,
        revised,
        withdrawn,
      };
    },
  };
}

/** The writer of a rehearsal: see DatasetVersionOptions. */
async function rehearseDatasetVersion(
  tx: Executor,
  ids: { datasetId: number; versionId: number; version: number },
  fileName: string,
): Promise<DatasetVersionWriter> {
  rehearsals += 1;
  const table = `rehearsed_observations_${rehearsals}`;
  // LIKE copies the check constraints (and not-null), not the keys, indexes or defaults: the id goes.
  await tx.execute(
    sql`create temp table ${sql.identifier(table)} (like observations including constraints) on commit drop`,
  );
  await tx.execute(sql`alter table ${sql.identifier(table)} drop column id`);
  let inserted = 0;
  return {
    unchanged: false,
    async write(rows) {
      for (let start = 0; start < rows.length; start += BATCH) {
        await insertObservations(tx, rows.slice(start, start + BATCH), ids.versionId, table);
      }
      inserted += rows.length;
    },
    async finish() {
      // The unique index on current figures would refuse two figures for one key: so does a rehearsal.
      // A key given twice is found by counting alone; only its rows are then gathered (gathering every key's
      // sources took 3 of the 3.5 s of checking a million figures).
      const rehearsed = sql.identifier(table);
      const [repeated] = await queryRows<{
        indicator_id: number;
        area_id: number;
        period_id: number;
        breakdown_id: number;
      }>(
        tx,
        sql`select indicator_id, area_id, period_id, breakdown_id from ${rehearsed}
            group by indicator_id, area_id, period_id, breakdown_id having count(*) > 1 limit 1`,
      );
      // The first two sources of the repeated key, in file order (a locator ends with its row).
      const [twice] = repeated
        ? await queryRows<{ sources: string[] }>(
            tx,
            sql`select (array_agg(source_locator order by ${inFileOrder(sql`source_locator`)}))[1:2] as sources
                from ${rehearsed}
                where indicator_id = ${repeated.indicator_id} and area_id = ${repeated.area_id}
                  and period_id = ${repeated.period_id} and breakdown_id = ${repeated.breakdown_id}`,
          )
        : [];
      if (twice) {
        const [first, second = ""] = twice.sources;
        throw new InputError(
          { file: fileName, row: Number(/row (\d+)$/.exec(second)?.[1] ?? 1) },
          `${second} gives the same indicator, area, period and breakdown as ${first}: the two rows name one area ` +
            "in two ways (by its code and by its LA number, or by another name); name it one way",
        );
      }
      await tx.execute(sql`analyze ${rehearsed}`);
      return { ...ids, unchanged: false, inserted, revised: 0, withdrawn: 0, rehearsedIn: table };
    },
  };
}

/** Orders figures as their rows stand in the file: a source locator ends with its row ("file.csv, row 12"). */
export const inFileOrder = (locator: SQL): SQL =>
  sql`nullif(substring(${locator} from 'row ([0-9]+)$'), '')::int, ${locator}`;

/** The columns a figure is written with (the id and superseded_by_version_id are the database's to set). */
export const OBSERVATION_COLUMNS =
  "indicator_id, area_id, period_id, breakdown_id, status, value, numerator, denominator, is_provisional, is_revised, " +
  "is_illustrative, is_disputed, note, source_id, source_locator, dataset_version_id";

const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
/** A text cell in COPY's text format. */
const copyText = (value: string) => value.replace(/[\\\t\n\r]/g, (character) => COPY_ESCAPES[character] as string);
const copyNumber = (value: number | null) => (value === null ? "\\N" : String(value));
const copyBoolean = (value: boolean) => (value ? "t" : "f");

/** Writes a batch with COPY: one round trip and no per-row statement, on both engines. */
async function insertObservations(
  tx: Executor,
  batch: ResolvedObservation[],
  versionId: number,
  table = "observations",
): Promise<void> {
  let rows = "";
  for (const row of batch) {
    rows +=
      `${row.indicatorId}\t${row.areaId}\t${row.periodId}\t${row.breakdownId}\t${row.status}\t${copyNumber(row.value)}\t` +
      `${copyNumber(row.numerator)}\t${copyNumber(row.denominator)}\t${copyBoolean(row.isProvisional)}\t` +
      `${copyBoolean(row.isRevised ?? false)}\t${copyBoolean(row.isIllustrative)}\t${copyBoolean(row.isDisputed)}\t` +
      `${copyText(row.note)}\t${copyNumber(row.sourceId)}\t${copyText(row.sourceLocator)}\t${versionId}\n`;
  }
  await copyRowsInto(tx, `${table} (${OBSERVATION_COLUMNS})`, rows);
}

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
        from unnest(${intArrayLiteral(batch.map((row) => row.indicatorId))}::int[], ${intArrayLiteral(batch.map((row) => row.areaId))}::int[],
                    ${intArrayLiteral(batch.map((row) => row.periodId))}::int[], ${intArrayLiteral(batch.map((row) => row.breakdownId))}::int[])
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
