import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { databaseChecksum, migrateDatabase, openDatabase, queryRows } from "@plan-outcomes/db";
import { seedDatabase, seedOptionsFromEnv } from "@plan-outcomes/seeds";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const publicData = seedOptionsFromEnv(process.env).dataDir;

/** A data folder like the real one, with one file's line replaced: the real files stay untouched. */
function dataDirWithBrokenLine(file: string, lineNumber: number, replace: (line: string) => string): string {
  if (!publicData) throw new Error("the public data folder is needed for this test");
  const dir = mkdtempSync(join(tmpdir(), "plan-outcomes-broken-data-"));
  for (const name of readdirSync(publicData)) {
    if (name !== file) symlinkSync(join(publicData, name), join(dir, name));
  }
  const lines = readFileSync(join(publicData, file), "utf8").split("\n");
  lines[lineNumber - 1] = replace(lines[lineNumber - 1] as string);
  writeFileSync(join(dir, file), lines.join("\n"));
  return dir;
}

describe.each(testBackends())("seeding on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("finds DfE's headline figures equal to the public files, so none is marked revised", async () => {
    const [row] = await queryRows<{ revised: number }>(
      database.handle.db,
      sql`select count(*)::int as revised from observations where is_revised`,
    );
    expect(row?.revised).toBe(0);
  });

  it("changes nothing when the same seed runs again", async () => {
    const before = await databaseChecksum(database.handle.db);
    const summary = await seedDatabase(database.handle.db, seedOptionsFromEnv(process.env));
    expect(summary.datasets.every((dataset) => dataset.unchanged)).toBe(true);
    expect(await databaseChecksum(database.handle.db)).toBe(before);
  });

  it("stops on a malformed file naming file, row and column, and leaves the database as it was", async () => {
    const brokenDir = dataDirWithBrokenLine("lait_absence.csv", 4461, (line) =>
      line.replace("8.1999999999999993", "12%"),
    );
    try {
      const before = await databaseChecksum(database.handle.db);
      await expect(seedDatabase(database.handle.db, { dataDir: brokenDir, illustrative: true })).rejects.toThrow(
        /lait_absence\.csv, row 4461, column Values: .*\(found "12%"\)/,
      );
      expect(await databaseChecksum(database.handle.db)).toBe(before);
    } finally {
      rmSync(brokenDir, { recursive: true, force: true });
    }
  });
});

describe("seeding a fresh database without the public files", () => {
  it("starts on the published headline and document figures, without illustrative ones when asked", async () => {
    const handle = await openDatabase({ kind: "pglite", dataDir: "memory" });
    try {
      await migrateDatabase(handle);
      await seedDatabase(handle.db, { dataDir: null, illustrative: false });
      const [counts] = await queryRows<{ total: number; illustrative: number; dorset_eet: number }>(
        handle.db,
        sql`select count(*)::int as total,
                   count(*) filter (where is_illustrative)::int as illustrative,
                   max(o.value) filter (where i.code = 'care-leavers-eet-19-21' and a.code = 'E06000059' and p.code = '2025') as dorset_eet
            from observations o join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id
            join periods p on p.id = o.period_id`,
      );
      expect(counts).toEqual({ total: 159 + 33, illustrative: 0, dorset_eet: 62 });
    } finally {
      await handle.close();
    }
  });
});
