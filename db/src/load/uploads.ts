import { createHash } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { type Database, type Executor, queryRows } from "../client.ts";
import { enterCheckStep } from "../domain/check-progress.ts";
import { InputError, type LocatedProblem, locatedProblems } from "../domain/types.ts";
import { type EesFileScan, type EesFileScanJson, eesScanFromJson, eesScanToJson } from "../importers/ees.ts";
import type { ImportWarning } from "../importers/types.ts";
import { datasets, datasetVersions, observations, uploadFiles, uploads } from "../schema/index.ts";
import { pauseHalfWayForCrashTest } from "./crash-test-hook.ts";
import { type DraftChart, draftCharts } from "./draft-charts.ts";
import { type FileFormat, type FileImportResult, importFileWithSavedMappings } from "./file-import.ts";
import { type LoadMetadata, type LoadOutcome, type ObservationLoad, startObservationLoad } from "./import-file.ts";
import { beginDatasetVersion, type PublishOutcome, type ResolvedObservation } from "./publish.ts";
import { smallCountWarning } from "./small-count-warning.ts";

export interface UploadProblem extends LocatedProblem {
  kind: string;
}

export interface UploadPreview {
  new: number;
  changed: number;
  unchanged: number;
  withdrawn: number;
  /** `title`: as the indicator will be titled, new ones included. Absent from reports made before it was kept. */
  byIndicator: {
    indicatorCode: string;
    title?: string;
    new: number;
    changed: number;
    unchanged: number;
    withdrawn: number;
  }[];
  /** The first changed figures, old and new. */
  changes: {
    indicatorCode: string;
    areaCode: string;
    periodCode: string;
    oldValue: number | null;
    newValue: number | null;
  }[];
  /** The charts redrawn on the draft. Absent from reports made before they were. */
  charts?: DraftChart[];
}

export interface UploadReport {
  status: "refused" | "ready";
  format: FileFormat | null;
  rowCount: number;
  observationCount: number;
  problems: UploadProblem[];
  problemCounts: Record<string, number>;
  warnings: ImportWarning[];
  preview: UploadPreview | null;
}

export interface UploadInput {
  path: string;
  fileName: string;
  datasetCode: string;
  uploadedBy: string;
  uploadedByUserId: number | null;
  /** The file's `.meta.csv` (or, for a LAIT file, LAIT's data dictionary), if the analyst has one. */
  metaPath?: string;
  metaFileName?: string;
  /** For a workbook (.xlsx): the sheet to read; default the first. */
  sheet?: string;
}

/** Thrown inside a transaction to undo a dry run: validation may resolve areas but never keeps them. */
class DryRun extends Error {
  constructor(readonly report: UploadReport) {
    super("dry run");
  }
}

/** The problems a refused file gets in its report, each with its kind (the reason's first words) to count by. */
function problemsFrom(error: unknown): { problems: UploadProblem[]; total: number } {
  const { problems, total } = locatedProblems(error);
  return {
    problems: problems.map((problem) => ({
      kind: problem.reason.split(/[:(]/)[0]?.trim().slice(0, 60) || "invalid",
      ...problem,
    })),
    total,
  };
}

/** The small-count warning of a rehearsed load, as a list: none, or one. */
async function smallCountWarnings(tx: Executor, outcome: PublishOutcome, fileLabel: string): Promise<ImportWarning[]> {
  if (!outcome.rehearsedIn) return [];
  const warning = await smallCountWarning(tx, outcome.rehearsedIn, fileLabel);
  return warning ? [warning] : [];
}

/**
 * What publishing would change, measured inside the dry-run transaction: the rehearsed figures against the
 * current ones they would replace (same key) or withdraw (the dataset's earlier versions' other figures).
 */
async function measurePreview(tx: Executor, outcome: PublishOutcome): Promise<UploadPreview> {
  if (!outcome.rehearsedIn) throw new Error("a preview needs a rehearsal");
  const fresh = sql.identifier(outcome.rehearsedIn);
  const replaced = sql`
    select o.id, o.indicator_id, o.area_id, o.period_id, o.breakdown_id, o.status, o.value from observations o
    join ${fresh} f using (indicator_id, area_id, period_id, breakdown_id) where o.superseded_by_version_id is null
    union
    select o.id, o.indicator_id, o.area_id, o.period_id, o.breakdown_id, o.status, o.value from observations o
    where o.superseded_by_version_id is null and o.dataset_version_id in
      (select id from dataset_versions where dataset_id = ${outcome.datasetId} and id <> ${outcome.versionId})`;
  const rows = await queryRows<{ indicator_code: string; title: string; state: string; count: number }>(
    tx,
    sql`with replaced as (${replaced}),
        states as (
          select f.indicator_id,
                 case when r.indicator_id is null then 'new'
                      when r.status = f.status and r.value is not distinct from f.value then 'unchanged'
                      else 'changed' end as state
          from ${fresh} f left join replaced r using (indicator_id, area_id, period_id, breakdown_id)
          union all
          select r.indicator_id, 'withdrawn' from replaced r
          where not exists (select 1 from ${fresh} f where f.indicator_id = r.indicator_id and f.area_id = r.area_id
                            and f.period_id = r.period_id and f.breakdown_id = r.breakdown_id))
        select i.code as indicator_code, i.title, s.state, count(*)::int as count
        from states s join indicators i on i.id = s.indicator_id group by i.code, i.title, s.state order by i.code`,
  );
  const changes = await queryRows<{
    indicator_code: string;
    area_code: string;
    period_code: string;
    old_value: number | null;
    new_value: number | null;
  }>(
    tx,
    sql`select i.code as indicator_code, a.code as area_code, p.code as period_code, r.value as old_value, f.value as new_value
        from ${fresh} f
        join observations r on r.superseded_by_version_id is null and r.indicator_id = f.indicator_id
          and r.area_id = f.area_id and r.period_id = f.period_id and r.breakdown_id = f.breakdown_id
        join indicators i on i.id = f.indicator_id join areas a on a.id = f.area_id join periods p on p.id = f.period_id
        where r.status <> f.status or r.value is distinct from f.value
        order by i.code, a.code, p.code limit 100`,
  );
  const byIndicator = new Map<string, UploadPreview["byIndicator"][number]>();
  const totals = { new: 0, changed: 0, unchanged: 0, withdrawn: 0 };
  for (const row of rows) {
    const entry = byIndicator.get(row.indicator_code) ?? {
      indicatorCode: row.indicator_code,
      title: row.title,
      new: 0,
      changed: 0,
      unchanged: 0,
      withdrawn: 0,
    };
    const state = row.state as keyof typeof totals;
    entry[state] += row.count;
    totals[state] += row.count;
    byIndicator.set(row.indicator_code, entry);
  }
  return {
    ...totals,
    charts: await draftCharts(tx, outcome.rehearsedIn, { datasetId: outcome.datasetId, versionId: outcome.versionId }),
    byIndicator: [...byIndicator.values()],
    changes: changes.map((change) => ({
      indicatorCode: change.indicator_code,
      areaCode: change.area_code,
      periodCode: change.period_code,
      oldValue: change.old_value,
      newValue: change.new_value,
    })),
  };
}

const loadMetadata = (input: {
  datasetCode: string;
  fileName: string;
  sha: string;
  rowCount: number;
  by: string;
  note: string;
}) => ({
  datasetCode: input.datasetCode,
  datasetTitle: input.fileName,
  sourceCode: null,
  fileName: input.fileName,
  fileSha256: input.sha,
  rowCount: input.rowCount,
  licence: "Open Government Licence v3.0",
  note: input.note,
  createdBy: input.by,
  withdrawMissing: true,
});

/** Figures read at a time when a version is restored. */
export const RESTORE_PAGE = 5000;

/** Pieces in which an upload's bytes go to and from the database: a large file is never held whole. */
const FILE_CHUNK = 4 * 2 ** 20;
/** Pieces read back: each comes as hexadecimal text, twice its size, before it is bytes. */
const READ_CHUNK = 8 * 2 ** 20;

async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Stores the exact bytes of an upload. The pieces wait in a temporary table and are joined by one statement, so
 * the stored value is written (and compressed) once: appending to it piece by piece rewrote it whole each time.
 */
async function storeFileBytes(
  tx: Executor,
  uploadId: number,
  path: string,
  meta: {
    metaFileName: string | null;
    metaContent: Buffer | null;
    sheetName: string | null;
    eesScan: EesFileScanJson | null;
  },
): Promise<void> {
  await tx.execute(sql`create temp table upload_pieces (n int, piece bytea) on commit drop`);
  // The pieces are kept uncompressed: they are read once, by the join.
  await tx.execute(sql`alter table upload_pieces alter column piece set storage external`);
  let n = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: FILE_CHUNK })) {
    await tx.execute(sql`insert into upload_pieces (n, piece) values (${n++}, ${chunk as Buffer})`);
  }
  await tx.insert(uploadFiles).values({
    uploadId,
    content: sql`(select coalesce(string_agg(piece, ''::bytea order by n), ''::bytea) from upload_pieces)`,
    ...meta,
  });
  await tx.execute(sql`drop table upload_pieces`);
}

/**
 * An upload's exact bytes, a piece at a time, each cut by a statement of its own: no transaction is held open
 * while a slow client downloads (on the embedded database it would hold up every other request). A piece cut
 * from the stored, compressed value decompresses what comes before it: 1.5 s in all for a 117 MB file on
 * PostgreSQL, measured.
 */
export async function* uploadBytes(db: Database, uploadId: number): AsyncGenerator<Buffer> {
  const [size] = await queryRows<{ bytes: number }>(
    db,
    sql`select octet_length(content)::int as bytes from upload_files where upload_id = ${uploadId}`,
  );
  if (!size) throw new UploadStateError(`The file of upload ${uploadId} is missing.`);
  for (let start = 0; start < size.bytes; start += READ_CHUNK) {
    const [piece] = await queryRows<{ content: Buffer | Uint8Array }>(
      db,
      sql`select substring(content from ${start + 1}::int for ${READ_CHUNK}::int) as content
          from upload_files where upload_id = ${uploadId}`,
    );
    if (!piece) throw new UploadStateError(`The file of upload ${uploadId} is missing.`);
    yield Buffer.from(piece.content.buffer, piece.content.byteOffset, piece.content.byteLength);
  }
}

/**
 * Reads a file and publishes its figures as they stream, inside the caller's transaction: the one path
 * of a check (rolled back) and a publish (committed).
 */
async function importAndLoad(
  tx: Executor,
  path: string,
  fileName: string,
  meta: { metaPath?: string; metaLabel?: string; sheet?: string; eesScan?: EesFileScan },
  metadata: LoadMetadata,
): Promise<{ format: FileFormat; result: FileImportResult; outcome: LoadOutcome; eesScan?: EesFileScan }> {
  let load: ObservationLoad | undefined;
  // Started at the first batch, once any new indicator the file brings exists.
  const started = async () => {
    load ??= await startObservationLoad(tx, metadata);
    return load;
  };
  // Each batch is resolved and written while the file reads on: the database and the parser work at
  // once, one batch apart. A failed batch stops the read at the next one.
  let previous: Promise<void> = Promise.resolve();
  let imported: Awaited<ReturnType<typeof importFileWithSavedMappings>>;
  try {
    imported = await importFileWithSavedMappings(tx, path, fileName, {
      createIndicators: true,
      ...meta,
      onObservations: async (batch) => {
        const before = previous;
        previous = before.then(async () => (await started()).add(batch));
        previous.catch(() => {});
        await before;
      },
    });
  } finally {
    // A batch still being written when the read fails is waited for: once the transaction has ended, a
    // statement on its connection would run outside it, and commit.
    await previous.catch(() => {});
  }
  await previous;
  const { format, result, eesScan } = imported;
  if (result.observationCount === 0) {
    throw new InputError(
      { file: fileName, row: 1 },
      "no row of this file gives a figure for a mapped indicator: check its filters (e.g. a Total row) and columns",
    );
  }
  const loading = await started();
  if (result.observations.length > 0) await loading.add(result.observations);
  enterCheckStep("comparing");
  const outcome = await loading.finish({ rowCount: result.rowCount });
  return { format, result, outcome, ...(eesScan ? { eesScan } : {}) };
}

/**
 * Checks a file and records the attempt with its report; nothing outside the upload tables is
 * written, whatever the file holds. The preview comes from publishing it in a transaction that is
 * then rolled back.
 */
export async function validateUpload(
  db: Database,
  input: UploadInput,
): Promise<{ uploadId: number; report: UploadReport }> {
  const byteSize = statSync(input.path).size;
  const metaContent = input.metaPath ? readFileSync(input.metaPath) : null;
  const metaFileName = input.metaPath ? (input.metaFileName ?? basename(input.metaPath)) : null;
  const sha = await sha256Of(input.path);
  let report: UploadReport;
  /** Kept with the file for the publish: what the check learnt of its columns. */
  let checkedScan: EesFileScan | undefined;
  try {
    report = await db
      .transaction(async (tx): Promise<UploadReport> => {
        const { format, result, outcome, eesScan } = await importAndLoad(
          tx,
          input.path,
          input.fileName,
          {
            ...(input.metaPath ? { metaPath: input.metaPath, metaLabel: metaFileName as string } : {}),
            ...(input.sheet ? { sheet: input.sheet } : {}),
          },
          {
            ...loadMetadata({ ...input, sha: `dry-run:${sha}`, rowCount: 0, by: input.uploadedBy, note: "" }),
            rehearsal: true,
          },
        );
        checkedScan = eesScan;
        throw new DryRun({
          status: "ready",
          format,
          rowCount: result.rowCount,
          observationCount: result.observationCount,
          problems: [],
          problemCounts: {},
          warnings: [
            ...result.warnings,
            ...outcome.warnings,
            ...(await smallCountWarnings(tx, outcome, input.fileName)),
          ],
          preview: await measurePreview(tx, outcome),
        });
      })
      .catch((error: unknown) => {
        if (error instanceof DryRun) return error.report;
        throw error;
      });
  } catch (error) {
    const { problems, total } = problemsFrom(error);
    const problemCounts: Record<string, number> = {};
    for (const problem of problems) problemCounts[problem.kind] = (problemCounts[problem.kind] ?? 0) + 1;
    if (total > problems.length) problemCounts["not listed (over the first 100)"] = total - problems.length;
    report = {
      status: "refused",
      format: null,
      rowCount: 0,
      observationCount: 0,
      problems,
      problemCounts,
      warnings: [],
      preview: null,
    };
  }
  const uploadId = await db.transaction(async (tx) => {
    const [upload] = await tx
      .insert(uploads)
      .values({
        fileName: input.fileName,
        fileSha256: sha,
        byteSize,
        format: report.format ?? "unknown",
        datasetCode: input.datasetCode,
        status: report.status,
        report,
        uploadedBy: input.uploadedBy,
        uploadedByUserId: input.uploadedByUserId,
      })
      .returning({ id: uploads.id });
    if (!upload) throw new Error("the upload was not recorded");
    enterCheckStep("storing");
    await storeFileBytes(tx, upload.id, input.path, {
      metaFileName,
      metaContent,
      sheetName: input.sheet || null,
      eesScan: report.status === "ready" && checkedScan ? eesScanToJson(checkedScan) : null,
    });
    return upload.id;
  });
  return { uploadId, report };
}

export class UploadStateError extends Error {}

/**
 * Publishes a validated upload in one transaction (serialised with any other publish), from the
 * exact bytes that were validated. Warnings must have been reviewed.
 */
export async function publishUpload(
  db: Database,
  uploadId: number,
  options: { acceptWarnings: boolean; note: string; publishedBy: string },
): Promise<LoadOutcome> {
  const [upload] = await db.select().from(uploads).where(eq(uploads.id, uploadId));
  if (!upload) throw new UploadStateError(`There is no upload ${uploadId}.`);
  if (upload.status !== "ready")
    throw new UploadStateError(`Upload ${uploadId} is ${upload.status}, so it cannot be published.`);
  const report = upload.report as UploadReport;
  if (report.warnings.length > 0 && !options.acceptWarnings) {
    throw new UploadStateError(
      `Upload ${uploadId} has ${report.warnings.length} warning(s): review them and publish again accepting them.`,
    );
  }
  const [file] = await db
    .select({
      metaFileName: uploadFiles.metaFileName,
      metaContent: uploadFiles.metaContent,
      sheetName: uploadFiles.sheetName,
      eesScan: uploadFiles.eesScan,
    })
    .from(uploadFiles)
    .where(eq(uploadFiles.uploadId, uploadId));
  if (!file) throw new UploadStateError(`The file of upload ${uploadId} is missing.`);
  const dir = mkdtempSync(join(tmpdir(), "plan-outcomes-publish-"));
  try {
    const path = join(dir, upload.fileName);
    await pipeline(Readable.from(uploadBytes(db, uploadId)), createWriteStream(path));
    const metaPath = file.metaContent && file.metaFileName ? join(dir, `meta-${file.metaFileName}`) : undefined;
    if (metaPath) writeFileSync(metaPath, file.metaContent as Buffer);
    return await db.transaction(async (tx) => {
      const { outcome } = await importAndLoad(
        tx,
        path,
        upload.fileName,
        {
          ...(metaPath ? { metaPath, metaLabel: file.metaFileName as string } : {}),
          ...(file.sheetName ? { sheet: file.sheetName } : {}),
          ...(file.eesScan ? { eesScan: eesScanFromJson(file.eesScan as EesFileScanJson) } : {}),
        },
        loadMetadata({
          datasetCode: upload.datasetCode,
          fileName: upload.fileName,
          // Another sheet of the same workbook is another file: never "already published".
          sha: file.sheetName ? `${upload.fileSha256}:sheet:${file.sheetName}` : upload.fileSha256,
          rowCount: 0,
          by: options.publishedBy,
          note: options.note,
        }),
      );
      // Every figure is written but nothing is committed: the crash test kills the process here.
      await pauseHalfWayForCrashTest();
      await tx
        .update(uploads)
        .set({ status: "published", publishedVersionId: outcome.versionId })
        .where(eq(uploads.id, uploadId));
      return outcome;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes an earlier version current again by publishing a new version with its figures: the
 * rollback is itself a version, and nothing is deleted.
 */
export async function restoreDatasetVersion(
  db: Database,
  datasetCode: string,
  version: number,
  options: { restoredBy: string; note: string },
): Promise<PublishOutcome> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ version: datasetVersions, dataset: datasets })
      .from(datasetVersions)
      .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
      .where(and(eq(datasets.code, datasetCode), eq(datasetVersions.version, version)));
    if (!target) throw new UploadStateError(`Dataset ${datasetCode} has no version ${version}.`);
    const [latest] = await tx
      .select()
      .from(datasetVersions)
      .where(eq(datasetVersions.datasetId, target.dataset.id))
      .orderBy(desc(datasetVersions.version))
      .limit(1);
    const writer = await beginDatasetVersion(
      tx,
      {
        datasetCode,
        datasetTitle: target.dataset.title,
        sourceId: target.dataset.sourceId,
        fileName: target.version.fileName,
        // A restore is a new version even though its file is an old one.
        fileSha256: `restore:${target.version.fileSha256}:${(latest?.version ?? 0) + 1}`,
        rowCount: target.version.rowCount,
        licence: target.version.licence,
        note: options.note || `Restores version ${version}.`,
        createdBy: options.restoredBy,
        restoresVersionId: target.version.id,
      },
      { withdrawMissing: true },
    );
    // The version's figures are read a page at a time, in id order: restoring a million figures never holds them all.
    for (let after = 0; ; ) {
      const page = await tx
        .select()
        .from(observations)
        .where(and(eq(observations.datasetVersionId, target.version.id), gt(observations.id, after)))
        .orderBy(asc(observations.id))
        .limit(RESTORE_PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]?.id as number;
      await writer.write(
        page.map(
          (row): ResolvedObservation => ({
            indicatorId: row.indicatorId,
            areaId: row.areaId,
            periodId: row.periodId,
            breakdownId: row.breakdownId,
            status: row.status,
            value: row.value,
            numerator: row.numerator,
            denominator: row.denominator,
            isProvisional: row.isProvisional,
            isIllustrative: row.isIllustrative,
            isDisputed: row.isDisputed,
            note: row.note,
            sourceId: row.sourceId,
            sourceLocator: row.sourceLocator,
          }),
        ),
      );
    }
    return writer.finish();
  });
}
