import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client.ts";
import { areaLookups, areas, familyHubs, localityDefinitions, referenceVersions } from "../schema/index.ts";
import {
  type FamilyHubRow,
  type LocalityRow,
  type LookupRow,
  type ParsedReferenceFile,
  REFERENCE_COLUMNS,
  ReferenceAreas,
  type ReferenceKind,
  type ReferenceRows,
} from "./reference-files.ts";

/** Reference publishes and restores are serialised, as dataset publishes are. */
const REFERENCE_LOCK_KEY = 7_203_313;

export interface ReferenceVersionSummary {
  id: number;
  kind: ReferenceKind;
  version: number;
  fileName: string;
  rowCount: number;
  note: string;
  isIllustrative: boolean;
  restoresVersion: number | null;
  createdBy: string;
  createdAt: string;
}

export interface ReferenceChange {
  key: string;
  change: "added" | "changed" | "removed";
  before: string | null;
  after: string | null;
}

export interface ReferencePreview {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** The first 200 differences, in key order. */
  changes: ReferenceChange[];
}

export interface PublishReferenceInput {
  fileName: string;
  content: Buffer;
  note: string;
  createdBy: string;
  createdByUserId: number | null;
  isIllustrative?: boolean;
}

const toSummary = (row: VersionRecord, restoresVersion: number | null): ReferenceVersionSummary => ({
  id: row.id,
  kind: row.kind,
  version: row.version,
  fileName: row.fileName,
  rowCount: row.rowCount,
  note: row.note,
  isIllustrative: row.isIllustrative,
  restoresVersion,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

/** Every version of a kind, newest first. */
export async function listReferenceVersions(tx: Executor, kind: ReferenceKind): Promise<ReferenceVersionSummary[]> {
  const restored = alias(referenceVersions, "restored");
  const rows = await tx
    .select({ version: versionColumns, restoresVersion: restored.version })
    .from(referenceVersions)
    .leftJoin(restored, eq(restored.id, referenceVersions.restoresVersionId))
    .where(eq(referenceVersions.kind, kind))
    .orderBy(desc(referenceVersions.version));
  return rows.map((row) => toSummary(row.version, row.restoresVersion));
}

/** A version's record without its file's bytes, which only a download reads. */
const { content: _content, ...versionColumns } = getTableColumns(referenceVersions);
type VersionRecord = Omit<typeof referenceVersions.$inferSelect, "content">;

/** The current (latest) version of a kind, if any was ever loaded. */
export async function currentReferenceVersion(tx: Executor, kind: ReferenceKind): Promise<VersionRecord | undefined> {
  const [row] = await tx
    .select(versionColumns)
    .from(referenceVersions)
    .where(eq(referenceVersions.kind, kind))
    .orderBy(desc(referenceVersions.version))
    .limit(1);
  return row;
}

export async function referenceVersionFile(
  tx: Executor,
  kind: ReferenceKind,
  version: number,
): Promise<{ fileName: string; content: Buffer } | undefined> {
  const [row] = await tx
    .select({ fileName: referenceVersions.fileName, content: referenceVersions.content })
    .from(referenceVersions)
    .where(and(eq(referenceVersions.kind, kind), eq(referenceVersions.version, version)));
  return row;
}

/** The rows of one version (the current one by default), in the file's own terms. */
export async function referenceRows<K extends ReferenceKind>(
  tx: Executor,
  kind: K,
  versionId?: number,
): Promise<ReferenceRows[K][]> {
  const id = versionId ?? (await currentReferenceVersion(tx, kind))?.id;
  if (id === undefined) return [];
  if (kind === "localities") {
    const rows = await tx
      .select()
      .from(localityDefinitions)
      .where(eq(localityDefinitions.versionId, id))
      .orderBy(localityDefinitions.id);
    return rows.map(
      (row): LocalityRow => ({
        code: row.code,
        type: row.type as LocalityRow["type"],
        name: row.name,
        parentCode: row.parentCode,
        validFrom: row.validFrom,
        validTo: row.validTo,
        note: row.note,
      }),
    ) as ReferenceRows[K][];
  }
  if (kind === "lookup") {
    const member = alias(areas, "member");
    const group = alias(areas, "grp");
    const rows = await tx
      .select({
        memberCode: sql<string>`coalesce(${member.onsCode}, ${member.code})`,
        areaCode: group.code,
        validFrom: areaLookups.validFrom,
        validTo: areaLookups.validTo,
        population: areaLookups.population,
      })
      .from(areaLookups)
      .innerJoin(member, eq(member.id, areaLookups.memberAreaId))
      .innerJoin(group, eq(group.id, areaLookups.groupAreaId))
      .where(eq(areaLookups.versionId, id))
      .orderBy(areaLookups.id);
    return rows as ReferenceRows[K][];
  }
  const locality = alias(areas, "locality");
  const lag = alias(areas, "lag");
  const rows = await tx
    .select({
      code: familyHubs.code,
      name: familyHubs.name,
      kind: familyHubs.kind,
      localityCode: locality.code,
      lagCode: lag.code,
      openedOn: familyHubs.openedOn,
      closedOn: familyHubs.closedOn,
      address: familyHubs.address,
      note: familyHubs.note,
    })
    .from(familyHubs)
    .leftJoin(locality, eq(locality.id, familyHubs.localityAreaId))
    .leftJoin(lag, eq(lag.id, familyHubs.lagAreaId))
    .where(eq(familyHubs.versionId, id))
    .orderBy(familyHubs.id);
  return rows as FamilyHubRow[] as ReferenceRows[K][];
}

/** Rows as the kind's file writes them (so a download can be edited and loaded again). */
export function referenceCsv<K extends ReferenceKind>(
  kind: K,
  rows: ReferenceRows[K][],
  cell: (text: string) => string = (text) => text,
): string {
  const columns = REFERENCE_COLUMNS[kind].map((column) => column.name);
  return stringify([columns, ...rows.map((row) => referenceCells(kind, row).map(cell))]);
}

/** One row's cells in the kind's column order. */
export function referenceCells(kind: ReferenceKind, row: ReferenceRows[ReferenceKind]): string[] {
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  if (kind === "localities") {
    const r = row as LocalityRow;
    return [r.code, r.type, r.name, r.parentCode, text(r.validFrom), text(r.validTo), r.note];
  }
  if (kind === "lookup") {
    const r = row as LookupRow;
    return [r.memberCode, r.areaCode, text(r.validFrom), text(r.validTo), text(r.population)];
  }
  const r = row as FamilyHubRow;
  return [
    r.code,
    r.name,
    r.kind,
    text(r.localityCode),
    text(r.lagCode),
    text(r.openedOn),
    text(r.closedOn),
    r.address,
    r.note,
  ];
}

function keyOf(kind: ReferenceKind, row: ReferenceRows[ReferenceKind]): string {
  if (kind === "lookup") {
    const r = row as LookupRow;
    return `${r.memberCode} → ${r.areaCode}${r.validFrom ? ` from ${r.validFrom}` : ""}`;
  }
  return (row as LocalityRow | FamilyHubRow).code;
}

/** What publishing these rows would change against the current version. */
export async function previewReference<K extends ReferenceKind>(
  tx: Executor,
  parsed: ParsedReferenceFile<K>,
): Promise<ReferencePreview> {
  const columns = REFERENCE_COLUMNS[parsed.kind].map((column) => column.name);
  // "name: Portland Family Hub; kind: site; …", blank cells left out.
  const describe = (row: ReferenceRows[K]) =>
    referenceCells(parsed.kind, row)
      .map((cell, index) => (cell === "" ? null : `${columns[index]}: ${cell}`))
      .filter((part) => part !== null)
      .join("; ");
  const before = new Map((await referenceRows(tx, parsed.kind)).map((row) => [keyOf(parsed.kind, row), describe(row)]));
  const after = new Map(parsed.rows.map((row) => [keyOf(parsed.kind, row), describe(row)] as const));
  const preview: ReferencePreview = { added: 0, changed: 0, removed: 0, unchanged: 0, changes: [] };
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const key of keys) {
    const old = before.get(key) ?? null;
    const fresh = after.get(key) ?? null;
    const change = old === null ? "added" : fresh === null ? "removed" : old === fresh ? null : "changed";
    if (change === null) {
      preview.unchanged++;
      continue;
    }
    preview[change]++;
    if (preview.changes.length < 200) preview.changes.push({ key, change, before: old, after: fresh });
  }
  return preview;
}

/**
 * Publishes a checked file as the kind's next version, in the caller's transaction. Localities also
 * update the areas they define (areas are never deleted: figures may name them).
 */
export async function publishReference<K extends ReferenceKind>(
  tx: Executor,
  parsed: ParsedReferenceFile<K>,
  input: PublishReferenceInput,
): Promise<ReferenceVersionSummary> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REFERENCE_LOCK_KEY})`);
  const version = await insertVersion(tx, parsed.kind, parsed.rows.length, input, null);
  await writeRows(tx, parsed.kind, version.id, parsed.rows);
  return toSummary(version, null);
}

/** Restores an earlier version by publishing its rows again as a new version; the old one is kept. */
export async function restoreReference(
  tx: Executor,
  kind: ReferenceKind,
  versionNumber: number,
  input: Omit<PublishReferenceInput, "fileName" | "content">,
): Promise<ReferenceVersionSummary | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REFERENCE_LOCK_KEY})`);
  const [old] = await tx
    .select()
    .from(referenceVersions)
    .where(and(eq(referenceVersions.kind, kind), eq(referenceVersions.version, versionNumber)));
  if (!old) return undefined;
  const rows = await referenceRows(tx, kind, old.id);
  const version = await insertVersion(
    tx,
    kind,
    rows.length,
    { ...input, fileName: old.fileName, content: old.content, isIllustrative: old.isIllustrative },
    old.id,
  );
  await writeRows(tx, kind, version.id, rows);
  return toSummary(version, old.version);
}

async function insertVersion(
  tx: Executor,
  kind: ReferenceKind,
  rowCount: number,
  input: PublishReferenceInput,
  restoresVersionId: number | null,
): Promise<typeof referenceVersions.$inferSelect> {
  const latest = await currentReferenceVersion(tx, kind);
  const [row] = await tx
    .insert(referenceVersions)
    .values({
      kind,
      version: (latest?.version ?? 0) + 1,
      fileName: input.fileName,
      fileSha256: createHash("sha256").update(input.content).digest("hex"),
      content: input.content,
      rowCount,
      note: input.note,
      isIllustrative: input.isIllustrative ?? false,
      restoresVersionId,
      createdBy: input.createdBy,
      createdByUserId: input.createdByUserId,
    })
    .returning();
  if (!row) throw new Error(`could not store a ${kind} version`);
  return row;
}

async function writeRows(
  tx: Executor,
  kind: ReferenceKind,
  versionId: number,
  rows: ReferenceRows[ReferenceKind][],
): Promise<void> {
  if (kind === "localities") {
    await applyLocalities(tx, versionId, rows as LocalityRow[]);
    return;
  }
  // Read after localities are applied: a lookup may name an area the localities file just added.
  const known = await ReferenceAreas.load(tx);
  const idOf = (code: string | null, lookup: (code: string) => { id: number } | undefined) => {
    if (code === null) return null;
    const found = lookup(code);
    if (!found) throw new Error(`reference row names unknown area ${code}`);
    return found.id;
  };
  const area = (code: string) => known.area(code);
  const member = (code: string) => known.member(code);
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000);
    if (batch.length === 0) continue;
    if (kind === "lookup") {
      await tx.insert(areaLookups).values(
        (batch as LookupRow[]).map((row) => ({
          versionId,
          memberAreaId: idOf(row.memberCode, member) as number,
          groupAreaId: idOf(row.areaCode, area) as number,
          validFrom: row.validFrom,
          validTo: row.validTo,
          population: row.population,
        })),
      );
    } else {
      await tx.insert(familyHubs).values(
        (batch as FamilyHubRow[]).map((row) => ({
          versionId,
          code: row.code,
          name: row.name,
          kind: row.kind,
          localityAreaId: idOf(row.localityCode, area),
          lagAreaId: idOf(row.lagCode, area),
          openedOn: row.openedOn,
          closedOn: row.closedOn,
          address: row.address,
          note: row.note,
        })),
      );
    }
  }
}

/** Localities first, then LAG areas, so a LAG area's parent exists when it is written. */
async function applyLocalities(tx: Executor, versionId: number, rows: LocalityRow[]): Promise<void> {
  const ordered = [...rows.filter((row) => row.type === "locality"), ...rows.filter((row) => row.type === "lag_area")];
  for (const row of ordered) {
    const [parent] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.code, row.parentCode));
    if (!parent) throw new Error(`locality parent ${row.parentCode} is unknown`);
    const values = {
      code: row.code,
      type: row.type,
      name: row.name,
      parentId: parent.id,
      validFrom: row.validFrom,
      validTo: row.validTo,
      note: row.note,
    };
    const [area] = await tx
      .insert(areas)
      .values(values)
      .onConflictDoUpdate({ target: areas.code, set: values })
      .returning({ id: areas.id });
    if (!area) throw new Error(`could not store area ${row.code}`);
    await tx.insert(localityDefinitions).values({ versionId, areaId: area.id, ...row });
  }
}
