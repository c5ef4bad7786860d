import { basename } from "node:path";
import { inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { InputError, ProblemCollector, type SourceLocation } from "../domain/types.ts";
import { readCsvRecords } from "../importers/csv.ts";
import { isXlsx, xlsxSheetToCsv } from "../importers/xlsx.ts";
import { areas } from "../schema/index.ts";

/**
 * The three reference files analysts maintain, each a plain table with one header row. Every cell is
 * checked and every problem located (file, row, column, value, reason) before anything is written.
 */
export type ReferenceKind = "localities" | "lookup" | "family_hubs";
export const REFERENCE_KINDS: ReferenceKind[] = ["localities", "lookup", "family_hubs"];

export interface LocalityRow {
  code: string;
  type: "locality" | "lag_area";
  name: string;
  parentCode: string;
  validFrom: string | null;
  validTo: string | null;
  note: string;
}

export interface LookupRow {
  memberCode: string;
  areaCode: string;
  validFrom: string | null;
  validTo: string | null;
  population: number | null;
}

export type FamilyHubKind = "site" | "outreach" | "online";

export interface FamilyHubRow {
  code: string;
  name: string;
  kind: FamilyHubKind;
  localityCode: string | null;
  lagCode: string | null;
  openedOn: string | null;
  closedOn: string | null;
  address: string;
  note: string;
}

export interface ReferenceRows {
  localities: LocalityRow;
  lookup: LookupRow;
  family_hubs: FamilyHubRow;
}

interface ColumnSpec {
  name: string;
  required: boolean;
  description: string;
}

/** Columns of each kind of file, in the order the downloads write them. */
export const REFERENCE_COLUMNS: Record<ReferenceKind, ColumnSpec[]> = {
  localities: [
    { name: "code", required: true, description: "the project's stable code, e.g. DOR-LOC-CHESIL or DOR-LAG-PORTLAND" },
    { name: "type", required: true, description: "locality or lag_area" },
    { name: "name", required: true, description: "as people say it" },
    {
      name: "parent_code",
      required: true,
      description: "a locality's council (E06000059), or a LAG area's locality",
    },
    { name: "valid_from", required: false, description: "first day, YYYY-MM-DD; blank if always" },
    { name: "valid_to", required: false, description: "last day, YYYY-MM-DD; blank if still current" },
    { name: "note", required: false, description: "shown beside the area's figures" },
  ],
  lookup: [
    { name: "member_code", required: true, description: "a ward or LSOA ONS code, or a school's URN or LAESTAB" },
    { name: "area_code", required: true, description: "the locality or LAG area it belongs to" },
    { name: "valid_from", required: false, description: "first day it belongs, YYYY-MM-DD" },
    { name: "valid_to", required: false, description: "last day it belongs, YYYY-MM-DD" },
    { name: "population", required: false, description: "residents, to weight figures built from members" },
  ],
  family_hubs: [
    { name: "code", required: true, description: "a stable code for the site, e.g. FH-FERNDOWN" },
    { name: "name", required: true, description: "as the public knows it" },
    { name: "kind", required: true, description: "site, outreach or online" },
    { name: "locality_code", required: false, description: "its locality; blank only for an online service" },
    { name: "lag_code", required: false, description: "its LAG area, if known" },
    { name: "opened_on", required: false, description: "YYYY-MM-DD; blank if not known" },
    { name: "closed_on", required: false, description: "YYYY-MM-DD; blank if open" },
    { name: "address", required: false, description: "" },
    { name: "note", required: false, description: "" },
  ],
};

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;
const FAMILY_HUB_KINDS: FamilyHubKind[] = ["site", "outreach", "online"];

interface KnownArea {
  id: number;
  code: string;
  type: string;
  onsCode: string | null;
  dfeCode: string | null;
  parentId: number | null;
}

/** The areas a reference file may name, by every code it may use for them. */
export class ReferenceAreas {
  private constructor(
    private readonly byCode: Map<string, KnownArea>,
    private readonly byId: Map<number, KnownArea>,
    private readonly members: Map<string, KnownArea>,
  ) {}

  static async load(tx: Executor): Promise<ReferenceAreas> {
    const rows = await tx
      .select({
        id: areas.id,
        code: areas.code,
        type: areas.type,
        onsCode: areas.onsCode,
        dfeCode: areas.dfeCode,
        parentId: areas.parentId,
      })
      .from(areas)
      .where(inArray(areas.type, ["local_authority", "locality", "lag_area", "ward", "lsoa", "school"]));
    const byCode = new Map(rows.map((row) => [row.code, row]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const members = new Map<string, KnownArea>();
    for (const row of rows) {
      if (row.type !== "ward" && row.type !== "lsoa" && row.type !== "school") continue;
      members.set(row.code, row);
      if (row.onsCode) members.set(row.onsCode, row);
      // Schools are named by LAESTAB (dfe_code) or URN (the code after SCH-, as school files give it).
      if (row.type === "school" && row.dfeCode) members.set(row.dfeCode, row);
    }
    return new ReferenceAreas(byCode, byId, members);
  }

  area(code: string): KnownArea | undefined {
    return this.byCode.get(code);
  }

  member(code: string): KnownArea | undefined {
    return this.members.get(code);
  }

  codeOf(id: number | null): string | null {
    return id === null ? null : (this.byId.get(id)?.code ?? null);
  }
}

export interface ParsedReferenceFile<K extends ReferenceKind> {
  kind: K;
  rows: ReferenceRows[K][];
  /** The file's row of each parsed row, for problems found later. */
  sourceRows: number[];
}

/** Reads a CSV or XLSX reference file and checks every cell; throws InputErrors listing every problem. */
export async function readReferenceFile<K extends ReferenceKind>(
  tx: Executor,
  kind: K,
  path: string,
  options: { fileLabel?: string; sheet?: string } = {},
): Promise<ParsedReferenceFile<K>> {
  const fileLabel = options.fileLabel ?? basename(path);
  const workbook = (await isXlsx(path)) ? await xlsxSheetToCsv(path, { fileLabel, sheet: options.sheet }) : null;
  try {
    const problems = new ProblemCollector();
    const csv = await readCsvRecords(workbook?.csvPath ?? path, { fileLabel, problems });
    const columns = headerColumns(kind, csv.header, fileLabel);
    const known = await ReferenceAreas.load(tx);
    const checker = new RowChecker(kind, known, fileLabel, problems);
    const parsed: ParsedReferenceFile<K> = { kind, rows: [], sourceRows: [] };
    let any = false;
    for await (const record of csv.records) {
      any = true;
      const cells = new Map<string, string>();
      for (const [name, index] of columns) cells.set(name, (record.cells[index] ?? "").trim());
      const row = checker.check(cells, record.row) as ReferenceRows[K] | undefined;
      if (row) {
        parsed.rows.push(row);
        parsed.sourceRows.push(record.row);
      }
    }
    if (!any) throw new InputError({ file: fileLabel, row: 2 }, "the file has a header but no rows");
    checker.checkWholeFile(parsed.rows as never[], parsed.sourceRows);
    problems.throwIfAny();
    return parsed;
  } finally {
    workbook?.cleanUp();
  }
}

/** Header name → cell index; every required column present, no unknown or repeated ones. */
function headerColumns(kind: ReferenceKind, header: string[], file: string): Map<string, number> {
  const specs = REFERENCE_COLUMNS[kind];
  const expected = specs.map((spec) => spec.name);
  const columns = new Map<string, number>();
  for (const [index, raw] of header.entries()) {
    const name = raw.trim().toLowerCase();
    if (name === "") continue;
    if (!expected.includes(name)) {
      throw new InputError(
        { file, row: 1, column: raw },
        `unknown column for a ${describeKind(kind)} file; the columns are ${expected.join(", ")}`,
        raw,
      );
    }
    if (columns.has(name)) throw new InputError({ file, row: 1, column: raw }, "this column appears twice", raw);
    columns.set(name, index);
  }
  const missing = specs.filter((spec) => spec.required && !columns.has(spec.name)).map((spec) => spec.name);
  if (missing.length > 0) {
    throw new InputError(
      { file, row: 1 },
      `a ${describeKind(kind)} file needs the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}`,
    );
  }
  return columns;
}

export function describeKind(kind: ReferenceKind): string {
  return kind === "localities" ? "localities" : kind === "lookup" ? "locality lookup" : "Family Hubs";
}

/** Reads dates as YYYY-MM-DD or, as spreadsheets write them, DD/MM/YYYY. */
export function parseDate(raw: string): string | null | undefined {
  if (raw === "") return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : uk
      ? [Number(uk[3]), Number(uk[2]), Number(uk[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Checks one row's cells for its kind; problems are recorded, and the row is dropped when it has any. */
class RowChecker {
  constructor(
    private readonly kind: ReferenceKind,
    private readonly known: ReferenceAreas,
    private readonly file: string,
    private readonly problems: ProblemCollector,
  ) {}

  private fileCodes = new Map<string, { type: string; row: number }>();

  check(cells: Map<string, string>, row: number): ReferenceRows[ReferenceKind] | undefined {
    const before = this.problems.count;
    const result =
      this.kind === "localities"
        ? this.locality(cells, row)
        : this.kind === "lookup"
          ? this.lookup(cells, row)
          : this.familyHub(cells, row);
    return this.problems.count === before ? result : undefined;
  }

  private fail(row: number, column: string, reason: string, value?: string): void {
    this.problems.add(new InputError({ file: this.file, row, column }, reason, value));
  }

  private text(cells: Map<string, string>, row: number, column: string, required: boolean): string {
    const value = cells.get(column) ?? "";
    if (required && value === "") this.fail(row, column, `${column} is required`);
    return value;
  }

  private code(cells: Map<string, string>, row: number, column: string, required: boolean): string | null {
    const value = this.text(cells, row, column, required);
    if (value === "") return null;
    if (!CODE_PATTERN.test(value)) {
      this.fail(row, column, "a code is capital letters, digits, - and _ only, up to 64 characters", value);
    }
    return value;
  }

  private date(cells: Map<string, string>, row: number, column: string): string | null {
    const raw = cells.get(column) ?? "";
    const parsed = parseDate(raw);
    if (parsed === undefined) this.fail(row, column, "not a date: write it as YYYY-MM-DD (or DD/MM/YYYY)", raw);
    return parsed ?? null;
  }

  private dateRange(
    cells: Map<string, string>,
    row: number,
    [fromColumn, toColumn]: [string, string],
  ): [string | null, string | null] {
    const from = this.date(cells, row, fromColumn);
    const to = this.date(cells, row, toColumn);
    if (from && to && to < from) this.fail(row, toColumn, `${toColumn} is before ${fromColumn} (${from})`, to);
    return [from, to];
  }

  /** A locality or LAG area named elsewhere in the same file or already known. */
  private typeOf(code: string): string | undefined {
    return this.kind === "localities"
      ? (this.fileCodes.get(code)?.type ?? this.known.area(code)?.type)
      : this.known.area(code)?.type;
  }

  private locality(cells: Map<string, string>, row: number): LocalityRow | undefined {
    const code = this.code(cells, row, "code", true);
    const type = this.text(cells, row, "type", true);
    const name = this.text(cells, row, "name", true);
    const parentCode = this.code(cells, row, "parent_code", true);
    const [validFrom, validTo] = this.dateRange(cells, row, ["valid_from", "valid_to"]);
    if (type !== "" && type !== "locality" && type !== "lag_area") {
      this.fail(row, "type", "type is locality or lag_area", type);
    }
    if (code) {
      const earlier = this.fileCodes.get(code);
      if (earlier) this.fail(row, "code", `code ${code} is already defined on row ${earlier.row}`, code);
      const existing = this.known.area(code);
      if (existing && existing.type !== "locality" && existing.type !== "lag_area") {
        this.fail(
          row,
          "code",
          `code ${code} is a ${existing.type.replace("_", " ")}, not a locality or LAG area`,
          code,
        );
      }
      this.fileCodes.set(code, { type, row });
    }
    if (parentCode && (type === "locality" || type === "lag_area")) {
      const wanted = type === "locality" ? "local_authority" : "locality";
      const parentType = wanted === "local_authority" ? this.known.area(parentCode)?.type : this.typeOf(parentCode);
      if (parentType !== wanted) {
        this.fail(
          row,
          "parent_code",
          type === "locality"
            ? `a locality's parent is its council's code (e.g. E06000059); ${parentCode} is not a known council`
            : `a LAG area's parent is a locality defined in this file or already known; ${parentCode} is not one`,
          parentCode,
        );
      }
    }
    if (!code || !parentCode || (type !== "locality" && type !== "lag_area")) return undefined;
    return { code, type, name, parentCode, validFrom, validTo, note: cells.get("note") ?? "" };
  }

  private lookup(cells: Map<string, string>, row: number): LookupRow | undefined {
    const memberCode = this.text(cells, row, "member_code", true);
    const areaCode = this.text(cells, row, "area_code", true);
    const [validFrom, validTo] = this.dateRange(cells, row, ["valid_from", "valid_to"]);
    if (memberCode && !this.known.member(memberCode)) {
      this.fail(
        row,
        "member_code",
        `no ward, LSOA or school is known by the code ${memberCode}: use its ONS code (E05…, E01…), URN or LAESTAB`,
        memberCode,
      );
    }
    const groupType = areaCode ? this.known.area(areaCode)?.type : undefined;
    if (areaCode && groupType !== "locality" && groupType !== "lag_area") {
      this.fail(row, "area_code", `${areaCode} is not a known locality or LAG area`, areaCode);
    }
    const rawPopulation = cells.get("population") ?? "";
    const population = rawPopulation === "" ? null : Number(rawPopulation);
    if (population !== null && !(Number.isFinite(population) && population >= 0)) {
      this.fail(row, "population", "population is a number of residents, 0 or more, digits only", rawPopulation);
    }
    // Members are kept by their ONS code (else the project's), however the file named them, so rows compare.
    const member = this.known.member(memberCode);
    return {
      memberCode: member ? (member.onsCode ?? member.code) : memberCode,
      areaCode,
      validFrom,
      validTo,
      population,
    };
  }

  private familyHub(cells: Map<string, string>, row: number): FamilyHubRow | undefined {
    const code = this.code(cells, row, "code", true);
    const name = this.text(cells, row, "name", true);
    const kind = this.text(cells, row, "kind", true);
    const localityCode = this.code(cells, row, "locality_code", false);
    const lagCode = this.code(cells, row, "lag_code", false);
    const [openedOn, closedOn] = this.dateRange(cells, row, ["opened_on", "closed_on"]);
    if (kind !== "" && !FAMILY_HUB_KINDS.includes(kind as FamilyHubKind)) {
      this.fail(row, "kind", "kind is site, outreach or online", kind);
    }
    if (code) {
      const earlier = this.fileCodes.get(code);
      if (earlier) this.fail(row, "code", `code ${code} is already used on row ${earlier.row}`, code);
      this.fileCodes.set(code, { type: "family_hub", row });
    }
    if (localityCode && this.known.area(localityCode)?.type !== "locality") {
      this.fail(row, "locality_code", `${localityCode} is not a known locality`, localityCode);
    }
    if (!localityCode && kind !== "online" && kind !== "") {
      this.fail(row, "locality_code", "a site or outreach point needs its locality");
    }
    if (lagCode) {
      const lag = this.known.area(lagCode);
      if (lag?.type !== "lag_area") this.fail(row, "lag_code", `${lagCode} is not a known LAG area`, lagCode);
      else if (localityCode && this.known.codeOf(lag.parentId) !== localityCode) {
        this.fail(row, "lag_code", `${lagCode} is not in the locality ${localityCode}`, lagCode);
      }
    }
    if (!code) return undefined;
    return {
      code,
      name,
      kind: kind as FamilyHubKind,
      localityCode,
      lagCode,
      openedOn,
      closedOn,
      address: cells.get("address") ?? "",
      note: cells.get("note") ?? "",
    };
  }

  /** Rules across rows: a ward, LSOA or school is in one locality (and one LAG area) at a time. */
  checkWholeFile(rows: ReferenceRows[ReferenceKind][], sourceRows: number[]): void {
    if (this.kind !== "lookup") return;
    const spans = new Map<string, { from: string; to: string; row: number; areaCode: string }[]>();
    for (const [index, row] of (rows as LookupRow[]).entries()) {
      const sourceRow = sourceRows[index] as number;
      const groupType = this.known.area(row.areaCode)?.type ?? "";
      const member = this.known.member(row.memberCode);
      const key = `${member?.id ?? row.memberCode}|${groupType}`;
      const from = row.validFrom ?? "0000-01-01";
      const to = row.validTo ?? "9999-12-31";
      const list = spans.get(key) ?? [];
      const clash = list.find((span) => span.from <= to && from <= span.to);
      if (clash) {
        const location: SourceLocation = { file: this.file, row: sourceRow, column: "valid_from" };
        this.problems.add(
          new InputError(
            location,
            `${row.memberCode} is already in ${clash.areaCode} for these dates (row ${clash.row}): a ${
              groupType === "lag_area" ? "LAG area" : "locality"
            } lookup gives each member one area at a time`,
            row.validFrom ?? "",
          ),
        );
      }
      list.push({ from, to, row: sourceRow, areaCode: row.areaCode });
      spans.set(key, list);
    }
  }
}
