import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, queryRows } from "@plan-outcomes/db";
import { seedOptionsFromEnv } from "@plan-outcomes/seeds";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = seedOptionsFromEnv(process.env).dataDir as string;
const folder = mkdtempSync(join(tmpdir(), "plan-outcomes-load-data-"));

function loadData(...args: string[]) {
  const result = spawnSync(
    join(root, "server/node_modules/.bin/tsx"),
    [join(root, "server/src/cli/load-data.ts"), ...args],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: join(folder, "db") },
      encoding: "utf8",
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("pnpm load-data", () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("publishes a DfE file into an empty database, loading reference data first", () => {
    const { status, output } = loadData(
      join(dataDir, "la_care_leavers_accommodation_suitability.csv"),
      "--publish",
      "--note",
      "DfE 2025",
    );
    expect(output).toContain("Empty database: loading reference data");
    // Each step of the check, as it begins.
    expect(output).toMatch(
      /Reading what each column holds…\nChecking every row…\nComparing with the published figures…\nKeeping a copy of the file…/,
    );
    expect(output).toContain("Published version 1");
    expect(status).toBe(0);
  });

  it("exits non-zero without --publish, saying it did not publish", () => {
    const { status, output } = loadData(join(dataDir, "la_care_leavers_accommodation_suitability.csv"));
    expect(output).toContain("Not published");
    expect(status).toBe(2);
  });

  it("checks, refuses and publishes reference data with --reference, as the page does", () => {
    const lookup = join(folder, "lookup.csv");
    writeFileSync(lookup, "member_code,area_code,valid_from\nE01020551,DOR-LOC-CHESIL,2024-13-01\n");
    const refused = loadData(lookup, "--reference", "lookup", "--publish");
    expect(refused.output).toContain("REFUSED");
    expect(refused.output).toMatch(/lookup\.csv, row 2, column valid_from: not a date.*"2024-13-01"/);
    expect(refused.status).toBe(1);

    writeFileSync(lookup, "member_code,area_code,valid_from\nE01020551,DOR-LOC-CHESIL,2024-01-01\n");
    const checked = loadData(lookup, "--reference", "lookup");
    expect(checked.output).toContain("Valid lookup file: 1 rows.");
    expect(checked.status).toBe(2);
    const published = loadData(lookup, "--reference", "lookup", "--publish", "--note", "first real lookup");
    expect(published.output).toMatch(/Published version \d+ of the lookup reference data/);
    expect(published.status).toBe(0);

    const wrongKind = loadData(lookup, "--reference", "wards");
    expect(wrongKind.output).toContain("--reference takes localities, lookup, family_hubs");
    expect(wrongKind.status).toBe(64);
  });

  it("refuses a malformed file naming row, column and reason", () => {
    const bad = join(folder, "bad.csv");
    writeFileSync(
      bad,
      "time_period,time_identifier,geographic_level,country_code,country_name,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent\n202420,Reporting year,National,E92000001,England,19 to 21 years,Suitability total,10,100\n",
    );
    const { status, output } = loadData(bad, "--publish");
    expect(output).toContain("REFUSED");
    expect(output).toMatch(/bad\.csv, row 2, column time_period: .*"202420"/);
    expect(status).toBe(1);
  });

  it("reads the sheet named with --sheet, and refuses one the workbook does not have, listing its sheets", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Notes").addRow(["Figures are on the next sheet"]);
    const figures = book.addWorksheet("Figures");
    figures.addRow(["indicator", "area", "period", "value"]);
    figures.addRow(["early-help-requests", "DOR-LOC-PURBECK", "2026-06", 29]);
    const workbook = join(folder, "early-help.xlsx");
    writeFileSync(workbook, Buffer.from(await book.xlsx.writeBuffer()));

    const wrong = loadData(workbook, "--sheet", "Figs", "--publish");
    expect(wrong.output).toContain('the workbook has no sheet named "Figs" (its sheets: Notes, Figures)');
    expect(wrong.status).toBe(1);

    const chosen = loadData(workbook, "--sheet", "Figures", "--publish", "--accept-warnings");
    expect(chosen.output).toContain("Valid TEMPLATE file: 1 rows, 1 figures.");
    expect(chosen.output).toContain("Published version 1 of upload-early-help: 1 figures");
    expect(chosen.status).toBe(0);
  });

  it("stops when the app holds the embedded database", async () => {
    const holder = await openDatabase({ kind: "pglite", dataDir: join(folder, "db") });
    try {
      const { status, output } = loadData(join(dataDir, "la_care_leavers_accommodation_suitability.csv"), "--publish");
      expect(output).toContain("already open in another process");
      expect(status).toBe(1);
    } finally {
      await holder.close();
    }
  });

  it("published the file's own figures", async () => {
    const handle = await openDatabase({ kind: "pglite", dataDir: join(folder, "db") });
    try {
      const [row] = await queryRows<{ value: number; numerator: number; denominator: number }>(
        handle.db,
        sql`select o.value, o.numerator, o.denominator from observations o
            join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id join periods p on p.id = o.period_id
            where i.code = 'care-leavers-suitable-accommodation-19-21' and a.code = 'E06000059' and p.code = '2025'
              and o.superseded_by_version_id is null`,
      );
      expect(row).toEqual({ value: 95, numerator: 198, denominator: 209 });
    } finally {
      await handle.close();
    }
  });
});
