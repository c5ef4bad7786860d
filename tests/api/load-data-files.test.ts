import { readFileSync } from "node:fs";
import { join } from "node:path";
import { publishUpload, queryRows, readMappings, type UploadReport, validateUpload } from "@plan-outcomes/db";
import { seedOptionsFromEnv } from "@plan-outcomes/seeds";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

/**
 * Issue 4: every statistics file of the public data folder loads as it is, through the function
 * `pnpm load-data` and the upload API call, and what it publishes is what the file says, cell by cell.
 */

const dataDir = seedOptionsFromEnv(process.env).dataDir as string;
/** Checking and publishing the largest file twice over (check, then publish) takes a minute or more on PGlite. */
const SLOW = 300_000;

interface FileCase {
  file: string;
  meta?: string;
}

const EES_FILES: FileCase[] = [
  { file: "b1_children_in_need_2013_to_2025.csv" },
  { file: "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv" },
  { file: "cla_number_and_rate_per_10k_children.csv" },
  { file: "la_care_leavers_activity.csv" },
  { file: "la_care_leavers_accommodation_suitability.csv" },
  { file: "ons_mid-year_population_estimates_2012_to_2024.csv" },
  { file: "exclusions_by_geographic_level_trimmed.csv", meta: "exclusions_by_geographic_level.meta.csv" },
];

const LAIT_FILES: FileCase[] = [
  { file: "lait_absence.csv" },
  { file: "lait_attainment.csv" },
  { file: "lait_cin_child_protection.csv" },
  { file: "lait_cla_care_leavers.csv", meta: "lait_data_dictionary_selected.csv" },
  { file: "lait_context_fsm_health_earlyhelp_neet.csv" },
  { file: "lait_exclusions.csv" },
];

/** The areas the Board reads, as the files name them, with the area code each must be published under. */
const FOCUS = [
  { code: "E06000059", la: "838", laitName: "Dorset" },
  { code: "E10000009", la: "835", laitName: "Dorset (Pre LG)" },
  { code: "E12000009", laitName: "South West" },
  { code: "E92000001", laitName: "England" },
] as const;

/** DOMAIN.md section 6, written out again here so the test does not borrow the product's parser. */
const SYMBOL_STATUS: Record<string, string> = {
  c: "c",
  x: "x",
  "-": "x",
  ".": "x",
  "..": "x",
  ":": "x",
  z: "z",
  low: "low",
  k: "low",
  "~": "low",
  u: "u",
};

interface FileRow {
  /** The row's line in the file, header = 1, as the published figure's locator says it. */
  line: number;
  cell: Record<string, string>;
}

function readRows(path: string): FileRow[] {
  const records = parse(readFileSync(path), {
    bom: true,
    columns: (header: string[]) => header.map((name) => name.trim()),
    skip_empty_lines: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return records.map(({ record, info }) => ({ line: info.lines, cell: record }));
}

interface Published {
  indicator: string;
  area: string;
  period: string;
  dimension: string;
  breakdown: string;
  status: string;
  value: number | null;
  locator: string;
}

async function publishedFigures(database: TestDatabase, versionId: number): Promise<Map<string, Published>> {
  const rows = await queryRows<Published>(
    database.handle.db,
    sql`select i.code as indicator, a.code as area, p.code as period, b.dimension, b.value as breakdown,
               o.status::text as status, o.value, o.source_locator as locator
        from observations o join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id
        join periods p on p.id = o.period_id join breakdowns b on b.id = o.breakdown_id
        where o.dataset_version_id = ${versionId}`,
  );
  return new Map(rows.map((row) => [`${row.indicator}|${row.locator}`, row]));
}

function expectSameFigure(published: Published | undefined, raw: string, where: string): void {
  expect(published, `${where}: published`).toBeDefined();
  const cell = raw.trim();
  const symbol = SYMBOL_STATUS[cell];
  if (symbol !== undefined) {
    expect({ where, status: published?.status, value: published?.value }).toEqual({
      where,
      status: symbol,
      value: null,
    });
    return;
  }
  expect({ where, status: published?.status }).toEqual({ where, status: "value" });
  const expected = Number(cell);
  expect(Number.isFinite(expected), `${where}: the file's cell "${cell}" is a number`).toBe(true);
  const tolerance = Math.max(1e-9, Math.abs(expected) * 1e-9);
  expect(Math.abs((published?.value as number) - expected), `${where}: ${published?.value} vs ${cell}`).toBeLessThan(
    tolerance,
  );
}

function eesFocusOf(row: FileRow) {
  const level = row.cell.geographic_level;
  return FOCUS.find((area) => {
    if (level === "Local authority" && "la" in area)
      return row.cell.new_la_code === area.code || row.cell.old_la_code === area.la;
    if (level === "Regional") return row.cell.region_code === area.code;
    if (level === "National") return row.cell.country_code === area.code && area.code === "E92000001";
    return false;
  });
}

describe.each(testBackends())("loading every public statistics file on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  async function load(fileCase: FileCase, dataset = `test-${fileCase.file.replace(/\W+/g, "-")}`) {
    const { uploadId, report } = await validateUpload(database.handle.db, {
      path: join(dataDir, fileCase.file),
      fileName: fileCase.file,
      datasetCode: dataset,
      uploadedBy: "load-data test",
      uploadedByUserId: null,
      ...(fileCase.meta ? { metaPath: join(dataDir, fileCase.meta) } : {}),
    });
    expect(report.problems).toEqual([]);
    expect(report.status).toBe("ready");
    const outcome = await publishUpload(database.handle.db, uploadId, {
      acceptWarnings: true,
      note: "test",
      publishedBy: "load-data test",
    });
    return { report, outcome };
  }

  it.each(EES_FILES)(
    "publishes $file with the file's own figures for Dorset, Dorset County, the South West and England",
    async (fileCase) => {
      const { report, outcome } = await load(fileCase);
      expect(outcome.inserted).toBe(report.observationCount);
      const published = await publishedFigures(database, outcome.versionId);
      const rows = readRows(join(dataDir, fileCase.file));
      const header = Object.keys(rows[0]?.cell ?? {});
      const mappings = (await readMappings(database.handle.db)).ees.filter((mapping) =>
        [mapping.valueColumn, ...Object.keys(mapping.filters ?? {})].every((column) => header.includes(column)),
      );
      expect(mappings.length).toBeGreaterThan(0);
      const checked = new Set<string>();
      for (const row of rows) {
        const focus = eesFocusOf(row);
        if (!focus) continue;
        for (const mapping of mappings) {
          if (Object.entries(mapping.filters ?? {}).some(([column, value]) => row.cell[column] !== value)) continue;
          const where = `${fileCase.file} row ${row.line} ${mapping.valueColumn}`;
          const figure = published.get(`${mapping.indicatorCode}|${fileCase.file}, row ${row.line}`);
          expectSameFigure(figure, row.cell[mapping.valueColumn] as string, where);
          expect({ where, area: figure?.area, period: figure?.period }).toEqual({
            where,
            area: focus.code,
            period: row.cell.time_period,
          });
          checked.add(focus.code);
        }
      }
      // Dorset County's files end in 2019, Dorset Council's start then: each file has some of the four.
      expect(checked.has("E92000001") && checked.has("E12000009")).toBe(true);
      expect(checked.has("E06000059") || checked.has("E10000009")).toBe(true);
    },
    SLOW,
  );

  it.each(LAIT_FILES)(
    "publishes every measure of $file with the file's own figures for the four areas",
    async (fileCase) => {
      const { outcome } = await load(fileCase);
      const published = await publishedFigures(database, outcome.versionId);
      const mappings = new Map(
        (await readMappings(database.handle.db)).lait.map((mapping) => [mapping.shortDesc, mapping.indicatorCode]),
      );
      const rows = readRows(join(dataDir, fileCase.file));
      let compared = 0;
      for (const row of rows) {
        const focus = FOCUS.find((area) =>
          "la" in area ? row.cell["LA Number"] === area.la : row.cell["LA and Regions"] === area.laitName,
        );
        if (!focus || row.cell.Years === "0") continue;
        const indicator = mappings.get(row.cell["Short Desc"] as string);
        expect(indicator, `${row.cell["Short Desc"]} is mapped`).toBeDefined();
        const where = `${fileCase.file} row ${row.line}`;
        const figure = published.get(`${indicator}|${fileCase.file}, row ${row.line}`);
        expectSameFigure(figure, row.cell.Values as string, where);
        expect({ where, area: figure?.area }).toEqual({ where, area: focus.code });
        compared++;
      }
      expect(compared).toBeGreaterThan(100);
    },
    SLOW,
  );

  it("makes school rows school areas under their local authority", async () => {
    const schools = await queryRows<{ code: string; parent: string }>(
      database.handle.db,
      sql`select s.code, p.code as parent from areas s join areas p on p.id = s.parent_id where s.code = 'SCH-8352011'`,
    );
    expect(schools).toEqual([{ code: "SCH-8352011", parent: "E10000009" }]);
  });

  it("describes a new indicator from the .meta.csv: label, unit and source", async () => {
    const [indicator] = await queryRows<{ title: string; unit: string; period_type: string; source: string }>(
      database.handle.db,
      sql`select i.title, i.unit, i.period_type::text as period_type, s.title as source from indicators i
          join sources s on s.id = i.source_id where i.code = 'ees-one-plus-fixed-rate'`,
    );
    expect(indicator).toEqual({
      title: "Percentage of pupils with one or more fixed period exclusions",
      unit: "%",
      period_type: "academic_year",
      source: "exclusions_by_geographic_level_trimmed.csv",
    });
  });

  it(
    "reuses the indicators it made when the same layout comes again, with no second indicator or warning",
    async () => {
      const count = async () =>
        (await queryRows<{ n: number }>(database.handle.db, sql`select count(*)::int as n from indicators`))[0]?.n;
      const before = await count();
      const { report } = await load({ file: "b1_children_in_need_2013_to_2025.csv" }, "b1-again");
      expect(await count()).toBe(before);
      expect(report.warnings.map((warning: UploadReport["warnings"][number]) => warning.kind)).not.toContain(
        "new-indicator",
      );
      expect(report.preview?.new).toBe(0);
    },
    SLOW,
  );
});
