import { Readable } from "node:stream";
import type { Database, LoadOutcome, UploadReport } from "@plan-outcomes/db";
import { publishUpload, restoreDatasetVersion, UploadStateError, uploadBytes, validateUpload } from "@plan-outcomes/db";
import { type CheckProgress, type Dataset, PROGRESS_KEY_PATTERN, type Upload } from "../../contract/index.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors.ts";
import { recordAuditEvent } from "../access/audit.ts";
import type { Principal } from "../access/principal.ts";
import type { CheckProgressRegistry } from "./check-progress-registry.ts";
import { selectDatasetVersions, selectUploadFile, selectUploads } from "./uploads.queries.ts";

type UploadRow = Awaited<ReturnType<typeof selectUploads>>[number];

function toUpload(row: UploadRow): Upload {
  return {
    id: row.id,
    fileName: row.fileName,
    datasetCode: row.datasetCode,
    status: row.status,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt.toISOString(),
    byteSize: row.byteSize,
    report: row.report as UploadReport,
  };
}

export async function listUploads(db: Database): Promise<Upload[]> {
  return (await selectUploads(db)).map(toUpload);
}

export async function getUpload(db: Database, id: number): Promise<Upload> {
  const [row] = await selectUploads(db, id);
  if (!row) throw new NotFoundError("upload", String(id));
  return toUpload(row);
}

/** Datasets are named by the analyst, or after the file: a later file of the same name is its next version. */
export function datasetCodeFor(fileName: string, requested: string | undefined): string {
  return (
    requested?.trim() ||
    `upload-${fileName
      .replace(/\.[^.]+$/, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")}`
  );
}

export async function receiveUpload(
  db: Database,
  checks: CheckProgressRegistry,
  principal: Principal,
  file: {
    path: string;
    fileName: string;
    dataset?: string;
    /** For a workbook: the sheet to read; default the first. */
    sheet?: string;
    /** The key the uploader follows the check by. */
    progress?: string;
    meta?: { path: string; fileName: string };
  },
  ipAddress: string,
): Promise<Upload> {
  if (file.progress !== undefined && !new RegExp(PROGRESS_KEY_PATTERN).test(file.progress)) {
    throw new BadRequestError(
      "progress must be a random key of 32 to 64 letters, digits, hyphens or underscores (e.g. a random UUID)",
      "progress",
    );
  }
  const { uploadId, report } = await checks.follow(file.progress, () =>
    validateUpload(db, {
      path: file.path,
      fileName: file.fileName,
      ...(file.meta ? { metaPath: file.meta.path, metaFileName: file.meta.fileName } : {}),
      ...(file.sheet ? { sheet: file.sheet } : {}),
      datasetCode: datasetCodeFor(file.fileName, file.dataset),
      uploadedBy: principal.email,
      uploadedByUserId: principal.userId,
    }),
  );
  await recordAuditEvent(db, {
    actorUserId: principal.userId,
    actorKind: principal.via,
    action: "upload",
    target: file.fileName,
    outcome: report.status === "refused" ? "failure" : "success",
    details: { uploadId, status: report.status, problems: report.problems.length, warnings: report.warnings.length },
    ipAddress,
  });
  return getUpload(db, uploadId);
}

const toOutcome = (
  datasetCode: string,
  outcome: Pick<LoadOutcome, "version" | "unchanged" | "inserted" | "revised" | "withdrawn">,
) => ({
  datasetCode,
  version: outcome.version,
  unchanged: outcome.unchanged,
  inserted: outcome.inserted,
  revised: outcome.revised,
  withdrawn: outcome.withdrawn,
});

export async function publish(
  db: Database,
  checks: CheckProgressRegistry,
  principal: Principal,
  id: number,
  input: { acceptWarnings: boolean; note: string; progress?: string | undefined },
  ipAddress: string,
) {
  const upload = await getUpload(db, id);
  try {
    const outcome = await checks.follow(input.progress, () =>
      publishUpload(db, id, { acceptWarnings: input.acceptWarnings, note: input.note, publishedBy: principal.email }),
    );
    await recordAuditEvent(db, {
      actorUserId: principal.userId,
      actorKind: principal.via,
      action: "publish",
      target: `${upload.datasetCode} v${outcome.version}`,
      details: {
        uploadId: id,
        inserted: outcome.inserted,
        revised: outcome.revised,
        withdrawn: outcome.withdrawn,
        note: input.note,
      },
      ipAddress,
    });
    return toOutcome(upload.datasetCode, outcome);
  } catch (error) {
    if (error instanceof UploadStateError) throw new ConflictError(error.message);
    throw error;
  }
}

export async function restore(
  db: Database,
  principal: Principal,
  datasetCode: string,
  version: number,
  note: string,
  ipAddress: string,
) {
  try {
    const outcome = await restoreDatasetVersion(db, datasetCode, version, { restoredBy: principal.email, note });
    await recordAuditEvent(db, {
      actorUserId: principal.userId,
      actorKind: principal.via,
      action: "rollback",
      target: `${datasetCode} v${version}`,
      details: { newVersion: outcome.version, restored: outcome.inserted, note },
      ipAddress,
    });
    return toOutcome(datasetCode, outcome);
  } catch (error) {
    if (error instanceof UploadStateError) throw new NotFoundError("dataset version", `${datasetCode} v${version}`);
    throw error;
  }
}

export async function listDatasets(db: Database): Promise<Dataset[]> {
  const rows = await selectDatasetVersions(db);
  const byCode = new Map<string, Dataset>();
  for (const row of rows) {
    const dataset = byCode.get(row.datasetCode) ?? { code: row.datasetCode, title: row.datasetTitle, versions: [] };
    dataset.versions.push({
      version: row.version,
      status: row.status,
      fileName: row.fileName,
      observationCount: row.observationCount,
      note: row.note,
      createdBy: row.createdBy,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      restoresVersion: row.restoresVersion,
      fileUrl: row.uploadId ? `/api/uploads/${row.uploadId}/file` : null,
    });
    byCode.set(row.datasetCode, dataset);
  }
  return [...byCode.values()];
}

/** How far the check its uploader follows by `key` has got. */
export function checkProgress(checks: CheckProgressRegistry, key: string): CheckProgress {
  const progress = checks.progress(key);
  if (!progress) throw new NotFoundError("check under way", key);
  return progress;
}

/** An upload's exact file: its name, size and a stream of its bytes. */
export async function uploadedFile(db: Database, id: number) {
  const file = await selectUploadFile(db, id);
  if (!file) throw new NotFoundError("upload", String(id));
  return { ...file, content: Readable.from(uploadBytes(db, id)) };
}
