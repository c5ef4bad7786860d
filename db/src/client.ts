import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import lockfile from "proper-lockfile";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** The one database interface: the same drizzle API over PostgreSQL or embedded PGlite. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** Human-readable: the PostgreSQL host/database or the PGlite folder. */
  location: string;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string | "memory" };

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../migrations");
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Reads the database settings from an environment: an empty DATABASE_URL counts as unset. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv): DatabaseOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url, poolSize: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : 10 };
  const dataDir = env.PGLITE_DATA_DIR?.trim() || resolve(repositoryRoot, ".data/pglite");
  return { kind: "pglite", dataDir };
}

export class DatabaseInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is already open in another process (is the app running? ` +
        "after a crash, its lock clears within 10 seconds). " +
        "Stop that process first, or set PGLITE_DATA_DIR to another folder, or DATABASE_URL to use PostgreSQL.",
    );
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle =
    options.kind === "postgres"
      ? await openPostgres(options.url, options.poolSize ?? 10)
      : options.dataDir === "memory"
        ? wrapPglite(new PGlite(), "memory")
        : await openPgliteFolder(options.dataDir);
  return closingOnce(handle);
}

/** Shutdown paths (signals, tests, errors) may each try to close: only the first one does. */
function closingOnce(handle: DatabaseHandle): DatabaseHandle {
  let closing: Promise<void> | undefined;
  return { ...handle, close: () => (closing ??= handle.close()) };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  const { host, pathname } = new URL(url);
  return { db, kind: "postgres", location: `${host}${pathname}`, close: () => pool.end() };
}

async function openPgliteFolder(dataDir: string): Promise<DatabaseHandle> {
  mkdirSync(dataDir, { recursive: true });
  // PGlite has no lock of its own: two processes on one folder would corrupt it.
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, { stale: 10_000, update: 2_000, realpath: false });
  } catch (error) {
    if ((error as { code?: string }).code === "ELOCKED") throw new DatabaseInUseError(dataDir);
    throw error;
  }
  const client = new PGlite(dataDir);
  const handle = wrapPglite(client, dataDir);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await release();
    },
  };
}

/** Wraps an existing PGlite (e.g. a test's clone of a migrated template). */
export function wrapPglite(client: PGlite, location: string): DatabaseHandle {
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: "pglite", location, close: () => client.close() };
}

/** Numbers as one Postgres array literal (`{1,2,3}`): a single parameter, however many, cast with `::int[]`. */
export const intArrayLiteral = (values: readonly number[]): string => `{${values.join(",")}}`;

/** Raw SQL rows, the same way on both drivers (their result objects differ in type, not in `rows`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** What PGlite's query takes for COPY FROM '/dev/blob': its own client or a transaction of it. */
interface PgliteQueryable {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/**
 * Loads rows written in COPY's text format (tab-separated, `\N` for null, one line per row) into
 * `target` ("table (column, ...)"): PostgreSQL's bulk path, many times faster than an INSERT of the same
 * rows. Runs on the executor's own connection, so inside its transaction; on PGlite, from a blob.
 */
export async function copyRowsInto(db: Executor, target: string, rows: string): Promise<void> {
  // drizzle has no COPY: the driver's client under the executor does (a pool, a pool's client or PGlite's).
  const client = (db as unknown as { session: { client: unknown } }).session.client;
  if (client instanceof pg.Client) {
    await pipeline(Readable.from([rows]), client.query(copyFrom(`copy ${target} from stdin`)));
  } else if (client instanceof pg.Pool) {
    const connection = await client.connect();
    try {
      await pipeline(Readable.from([rows]), connection.query(copyFrom(`copy ${target} from stdin`)));
    } finally {
      connection.release();
    }
  } else {
    await (client as PgliteQueryable).query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([rows]) });
  }
}

const MIGRATION_LOCK_KEY = 7_203_311;

/** Brings the schema up to date; several processes may call it at once on PostgreSQL. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  await handle.db.transaction(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await migratePg(tx as never, { migrationsFolder });
  });
}

/** A short message for logs and CLIs: drizzle wraps driver errors with the whole query, which can be megabytes. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (error.message.startsWith("Failed query") && cause instanceof Error) {
    const detail = (cause as { detail?: string }).detail;
    return `database refused the change: ${cause.message}${detail ? ` (${detail})` : ""}`;
  }
  return error.message;
}
