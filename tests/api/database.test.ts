import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseInUseError, migrateDatabase, openDatabase, queryRows } from "@plan-outcomes/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("the embedded database folder", () => {
  it("refuses a second opener while the first holds it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-outcomes-lock-"));
    const first = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      await expect(openDatabase({ kind: "pglite", dataDir: dir })).rejects.toThrow(DatabaseInUseError);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ kind: "pglite", dataDir: dir });
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe.each(testBackends())("schema constraints on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("runs migrations again without change", async () => {
    await migrateDatabase(database.handle);
    const [row] = await queryRows<{ count: number }>(database.handle.db, sql`select count(*)::int as count from plans`);
    expect(row?.count).toBe(2);
  });

  it("refuses a suppressed figure that carries a number", async () => {
    await expect(
      database.handle.db.execute(
        sql`update observations set status = 'c' where id = (select min(id) from observations where value is not null)`,
      ),
    ).rejects.toThrow();
  });

  it("refuses a second current figure for the same key", async () => {
    await expect(
      database.handle.db.execute(sql`insert into observations (indicator_id, area_id, period_id, breakdown_id, status, value, dataset_version_id)
        select indicator_id, area_id, period_id, breakdown_id, status, value, dataset_version_id from observations
        where superseded_by_version_id is null limit 1`),
    ).rejects.toThrow();
  });

  it("refuses a priority linked to an indicator under the wrong plan", async () => {
    await expect(
      database.handle.db.execute(sql`insert into indicator_priorities (indicator_id, priority_id, plan_id)
        select (select min(id) from indicators), p.id, (select id from plans where id <> p.plan_id limit 1)
        from priorities p limit 1`),
    ).rejects.toThrow();
  });
});
