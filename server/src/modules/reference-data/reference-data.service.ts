import {
  receiveReferenceFile as checkOrPublish,
  type Database,
  describeKind,
  listReferenceVersions,
  REFERENCE_COLUMNS,
  type ReferenceVersionSummary,
  referenceCells,
  referenceCsv,
  referenceRows,
  referenceVersionFile,
  restoreReference,
} from "@plan-outcomes/db";
import type { ReferenceCheck, ReferenceData, ReferenceKind, ReferenceVersion } from "../../contract/index.ts";
import { NotFoundError } from "../../errors.ts";
import type { ReceivedFile } from "../../lib/multipart-upload.ts";
import { recordAuditEvent } from "../access/audit.ts";
import { neutraliseFormula } from "../access/audit-export.ts";
import type { Principal } from "../access/principal.ts";

const TITLES: Record<ReferenceKind, string> = {
  localities: "Localities and LAG areas",
  lookup: "Locality lookup (wards, LSOAs and schools)",
  family_hubs: "Family Hub sites and outreach points",
};

const toVersion = ({ id: _id, kind: _kind, ...summary }: ReferenceVersionSummary): ReferenceVersion => summary;

export async function getReferenceData(db: Database, kind: ReferenceKind): Promise<ReferenceData> {
  const [versions, rows] = await Promise.all([listReferenceVersions(db, kind), referenceRows(db, kind)]);
  return {
    kind,
    title: TITLES[kind],
    current: versions[0] ? toVersion(versions[0]) : null,
    columns: REFERENCE_COLUMNS[kind],
    rows: rows.map((row) => referenceCells(kind, row)),
  };
}

/** The current rows in the upload layout, cells neutralised against spreadsheet formulas. */
export async function referenceDataCsv(db: Database, kind: ReferenceKind): Promise<string> {
  return referenceCsv(kind, await referenceRows(db, kind), neutraliseFormula);
}

export async function listVersions(db: Database, kind: ReferenceKind): Promise<ReferenceVersion[]> {
  return (await listReferenceVersions(db, kind)).map(toVersion);
}

export async function versionFile(
  db: Database,
  kind: ReferenceKind,
  version: number,
): Promise<{ fileName: string; content: Buffer }> {
  const file = await referenceVersionFile(db, kind, version);
  if (!file) throw new NotFoundError(`${describeKind(kind)} version`, String(version));
  return file;
}

/** Checks a file and previews it; with `publish`, also publishes it. Audited either way. */
export async function receiveReferenceFile(
  db: Database,
  principal: Principal,
  kind: ReferenceKind,
  file: ReceivedFile,
  options: { publish: boolean; note: string; sheet?: string },
  ipAddress: string,
): Promise<ReferenceCheck> {
  const report = await checkOrPublish(db, kind, file.path, {
    ...options,
    fileName: file.fileName,
    createdBy: principal.email,
    createdByUserId: principal.userId,
  });
  await recordAuditEvent(db, {
    actorUserId: principal.userId,
    actorKind: principal.via,
    action: options.publish ? "reference.publish" : "reference.check",
    target: `${kind}: ${file.fileName}`,
    outcome: report.status === "refused" ? "failure" : "success",
    details: { kind, status: report.status, problems: report.problemCount, version: report.published?.version ?? null },
    ipAddress,
  });
  return { ...report, published: report.published ? toVersion(report.published) : null };
}

export async function restoreReferenceVersion(
  db: Database,
  principal: Principal,
  kind: ReferenceKind,
  version: number,
  note: string,
  ipAddress: string,
): Promise<ReferenceVersion> {
  const restored = await db.transaction((tx) =>
    restoreReference(tx, kind, version, { note, createdBy: principal.email, createdByUserId: principal.userId }),
  );
  if (!restored) throw new NotFoundError(`${describeKind(kind)} version`, String(version));
  await recordAuditEvent(db, {
    actorUserId: principal.userId,
    actorKind: principal.via,
    action: "reference.restore",
    target: `${kind} v${version}`,
    details: { kind, restoredVersion: version, newVersion: restored.version },
    ipAddress,
  });
  return toVersion(restored);
}
