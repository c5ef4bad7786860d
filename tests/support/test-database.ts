import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DatabaseHandle, openDatabase } from "@plan-outcomes/db";
import pg from "pg";
import { inject } from "vitest";
import { type Backend, postgresAdminUrl, withDatabase } from "./backends.ts";

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The environment that points a server process at this database. */
  env: { DATABASE_URL: string; PGLITE_DATA_DIR?: string };
  /** Closes the handle and deletes the copy. */
  dispose(): Promise<void>;
}

/** A private, seeded database for one test file, copied from the run's template. */
export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "plan-outcomes-test-"));
    cpSync(inject("pgliteTemplateDir"), dir, { recursive: true });
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    return {
      handle,
      env: { DATABASE_URL: "", PGLITE_DATA_DIR: dir },
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const template = inject("postgresTemplate");
  if (!template) throw new Error("no PostgreSQL template: is TEST_DATABASE_URL set?");
  const name = `plan_outcomes_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = withDatabase(postgresAdminUrl(), name);
  const handle = await openDatabase({ kind: "postgres", url, poolSize: 4 });
  return {
    handle,
    env: { DATABASE_URL: url },
    dispose: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: postgresAdminUrl() });
      await cleanup.connect();
      // pool.end() resolves before its last sessions have finished closing: a forced drop would kill
      // them mid-goodbye and their clients would throw. Wait for them to go, then drop.
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await cleanup.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = $1",
          [name],
        );
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
