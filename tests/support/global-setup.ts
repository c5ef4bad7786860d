import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { databaseOptionsFromEnv, migrateDatabase, openDatabase } from "@plan-outcomes/db";
import { seedDatabase, seedOptionsFromEnv } from "@plan-outcomes/seeds";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { postgresAdminUrl, testBackends, withDatabase } from "./backends.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    postgresTemplate: string | null;
  }
}

/**
 * Migrates and seeds one template per backend, once per run; each test file then gets its own
 * copy (a folder copy for PGlite, CREATE DATABASE ... TEMPLATE for PostgreSQL).
 */
export default async function setup(project: TestProject) {
  const seedOptions = seedOptionsFromEnv(process.env);
  const pgliteTemplateDir = mkdtempSync(join(tmpdir(), "plan-outcomes-template-"));
  const pglite = await openDatabase({ kind: "pglite", dataDir: pgliteTemplateDir });
  await migrateDatabase(pglite);
  await seedDatabase(pglite.db, seedOptions);
  await pglite.close();
  project.provide("pgliteTemplateDir", pgliteTemplateDir);

  let postgresTemplate: string | null = null;
  if (testBackends().includes("postgres")) {
    postgresTemplate = `plan_outcomes_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${postgresTemplate}`);
    await admin.query(`create database ${postgresTemplate}`);
    await admin.end();
    const handle = await openDatabase(
      databaseOptionsFromEnv({ DATABASE_URL: withDatabase(postgresAdminUrl(), postgresTemplate) }),
    );
    await migrateDatabase(handle);
    await seedDatabase(handle.db, seedOptions);
    await handle.close();
  }
  project.provide("postgresTemplate", postgresTemplate);

  return async () => {
    rmSync(pgliteTemplateDir, { recursive: true, force: true });
    if (postgresTemplate) {
      const admin = new pg.Client({ connectionString: postgresAdminUrl() });
      await admin.connect();
      await admin.query(`drop database if exists ${postgresTemplate} with (force)`);
      await admin.end();
    }
  };
}
