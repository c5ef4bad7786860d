/**
 * The upload path under a large file: an Explore Education Statistics file of `rows` rows, generated
 * to a temporary file, checked (validateUpload: read, validate, publish rehearsed and rolled back) and
 * published (publishUpload) exactly as an analyst's upload is, beside PostgreSQL's own COPY of the
 * same file into a bare table: the floor no loader can beat. Peak memory is this process's RSS,
 * sampled while each stage runs.
 */
import { fork, spawnSync } from "node:child_process";
import { once } from "node:events";
import { chmodSync, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import {
  followCheckProgress,
  migrateDatabase,
  OBSERVATION_COLUMNS,
  openDatabase,
  publishUpload,
  queryRows,
  validateUpload,
} from "@plan-outcomes/db";
import { seedOptionsFromEnv, seedReferenceDataOnly } from "@plan-outcomes/seeds";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type BenchOptions, withDatabase } from "./options.ts";
import type { UploadMessage } from "./upload-process.ts";

export const UPLOAD_DATABASE = "plan_outcomes_bench_upload";

export interface StageResult {
  label: string;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  /** CPU time of the upload's own process (user + system): the database server's is not counted. */
  cpuSeconds: number;
  /** Seconds in each step the stage reported (followCheckProgress), in order; "start": before its first. */
  steps: { step: string; seconds: number }[];
}

export interface UploadBenchResult {
  rows: number;
  fileMb: number;
  figures: number;
  stages: StageResult[];
  copy: StageResult;
  /**
   * The database alone inserting the published figures into an empty table built like `observations` (its indexes,
   * checks and reference trigger), from a table inside the server: what publishing costs PostgreSQL whatever the
   * loader does.
   */
  insertIntoObservations: StageResult;
  /** The upload process's own high-water mark of resident memory (the kernel's, not sampled). */
  maxRssMb: number;
}

const HEADER = [
  "time_period",
  "time_identifier",
  "geographic_level",
  "country_code",
  "country_name",
  "region_code",
  "region_name",
  "old_la_code",
  "new_la_code",
  "la_name",
  "pupil_group",
  "bench_rate",
];

interface FileArea {
  level: "National" | "Regional" | "Local authority";
  cells: string[];
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** England, the regions and every current LA with both codes, as the file's geography cells. */
async function fileAreas(url: string): Promise<FileArea[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      type: string;
      name: string;
      ons_code: string;
      dfe_code: string | null;
      region_code: string | null;
      region_name: string | null;
    }>(
      `select a.type, a.name, a.ons_code, a.dfe_code, r.ons_code as region_code, r.name as region_name
       from areas a left join areas r on r.id = a.parent_id and r.type = 'region'
       where a.type in ('country', 'region', 'local_authority') and a.ons_code like 'E%' and a.valid_to is null
         and (a.type <> 'local_authority' or (a.dfe_code is not null and r.id is not null))
       order by a.type, a.ons_code`,
    );
    return rows.map((row) => {
      if (row.type === "country")
        return { level: "National", cells: ["National", row.ons_code, row.name, "", "", "", "", ""] };
      if (row.type === "region")
        return { level: "Regional", cells: ["Regional", "E92000001", "England", row.ons_code, row.name, "", "", ""] };
      return {
        level: "Local authority",
        cells: [
          "Local authority",
          "E92000001",
          "England",
          row.region_code ?? "",
          row.region_name ?? "",
          row.dfe_code ?? "",
          row.ons_code,
          row.name,
        ],
      };
    });
  } finally {
    await client.end();
  }
}

/**
 * Writes `rows` rows: areas x academic years x pupil groups (Total and generated groups), one figure
 * each, a fixed function of the row's position (every 97th suppressed as `c`).
 */
async function writeFile(path: string, rows: number, areas: FileArea[]): Promise<void> {
  const years = 20;
  const groups = Math.ceil(rows / (areas.length * years));
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, "drain");
  };
  await write(`${HEADER.join(",")}\n`);
  let written = 0;
  let chunk = "";
  outer: for (let group = 0; group < groups; group++) {
    const groupName = group === 0 ? "Total" : `Group ${String(group).padStart(4, "0")}`;
    for (let year = 0; year < years; year++) {
      const first = 2024 - year;
      const period = `${first}${String((first + 1) % 100).padStart(2, "0")}`;
      for (const area of areas) {
        if (written === rows) break outer;
        const value = written % 97 === 0 ? "c" : ((written * 7919) % 10_000) / 100;
        chunk += `${period},Academic year,${area.cells.map(quote).join(",")},${groupName},${value}\n`;
        written++;
        if (chunk.length > 1 << 16) {
          await write(chunk);
          chunk = "";
        }
      }
    }
  }
  await write(chunk);
  out.end();
  await once(out, "finish");
}

/** Runs `work`, sampling this process's resident memory every 20 ms. */
async function measured<T>(
  label: string,
  rows: number,
  work: () => Promise<T>,
): Promise<{ result: T; stage: StageResult }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const marks: { step: string; at: number }[] = [{ step: "start", at: started }];
  try {
    const result = await followCheckProgress((progress) => {
      if (marks.at(-1)?.step !== progress.step) marks.push({ step: progress.step, at: performance.now() });
    }, work);
    const ended = performance.now();
    const seconds = (ended - started) / 1000;
    const steps = marks.map((mark, at) => ({
      step: mark.step,
      seconds: ((marks[at + 1]?.at ?? ended) - mark.at) / 1000,
    }));
    const used = process.cpuUsage(cpu);
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      result,
      stage: {
        label,
        seconds,
        rowsPerSecond: rows / seconds,
        peakRssMb: peak / 2 ** 20,
        cpuSeconds: (used.user + used.system) / 1e6,
        steps,
      },
    };
  } finally {
    clearInterval(timer);
  }
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The generated file's folder, while it exists: removed by the run's cleanup too, so Ctrl-C leaves no 100 MB file. */
let generatedDir: string | undefined;

/** Drops the upload bench's database and removes its generated file; safe to call twice. */
export async function dropUploadDatabase(options: BenchOptions): Promise<void> {
  if (generatedDir) rmSync(generatedDir, { recursive: true, force: true });
  generatedDir = undefined;
  await admin(options.adminUrl, (client) => client.query(`drop database if exists ${UPLOAD_DATABASE} with (force)`));
}

/** COPY of the file into a bare table of text columns: server-side when it may read the file, else psql's \copy. */
async function copyFloor(url: string, path: string): Promise<void> {
  await admin(url, async (client) => {
    await client.query(`create table bench_copy (${HEADER.map((column) => `${column} text`).join(", ")})`);
    try {
      await client.query(`copy bench_copy from '${path}' with (format csv, header true)`);
      return;
    } catch {
      // The server may not read this machine's files (another host, no privilege): copy from the client.
    }
    const psql = spawnSync(
      "psql",
      [url, "-v", "ON_ERROR_STOP=1", "-c", `\\copy bench_copy from '${path}' with (format csv, header true)`],
      {
        encoding: "utf8",
      },
    );
    if (psql.status !== 0) throw new Error(`COPY failed: ${psql.stderr}`);
  });
}

/**
 * Times PostgreSQL inserting a published version's figures into a new, empty table built like `observations` (its
 * indexes, checks and the statement trigger that checks what figures refer to), from a temporary copy inside the
 * server, in a transaction rolled back. Empty, as `observations` is of a new indicator's keys: inserting into
 * `observations` itself would find each key already indexed by the version just published, and pay for looking
 * at it (measured: 13 s instead of 8 s for a million figures), which a publish of new figures does not.
 */
async function insertFloor(url: string, versionId: number, rows: number): Promise<StageResult> {
  return admin(url, async (client) => {
    const columns = OBSERVATION_COLUMNS;
    await client.query("begin");
    try {
      await client.query(
        `create temp table floor_figures as select ${columns} from observations where dataset_version_id = $1`,
        [versionId],
      );
      await client.query("create table floor_observations (like observations including all)");
      await client.query(
        `create trigger floor_observations_references after insert on floor_observations
         referencing new table as inserted for each statement execute function observations_check_references()`,
      );
      const { stage } = await measured("PostgreSQL insert into observations", rows, () =>
        client.query(`insert into floor_observations (${columns}) select ${columns} from floor_figures`),
      );
      return stage;
    } finally {
      await client.query("rollback");
    }
  });
}

export async function runUploadBench(options: BenchOptions, log: (line: string) => void): Promise<UploadBenchResult> {
  const rows = options.quick ? 50_000 : 1_000_000;
  const url = withDatabase(options.adminUrl, UPLOAD_DATABASE);
  await dropUploadDatabase(options);
  await admin(options.adminUrl, (client) => client.query(`create database ${UPLOAD_DATABASE}`));
  const dir = mkdtempSync(join(tmpdir(), "plan-outcomes-bench-upload-"));
  generatedDir = dir;
  // The server's COPY reads the file as its own user.
  chmodSync(dir, 0o755);
  const handle = await openDatabase({ kind: "postgres", url, poolSize: 4 });
  try {
    log(`upload bench: migrating and loading reference data into ${UPLOAD_DATABASE}`);
    await migrateDatabase(handle);
    await seedReferenceDataOnly(handle.db, seedOptionsFromEnv(process.env));
    const areas = await fileAreas(url);
    const fileName = "bench_ees_layout.csv";
    const path = join(dir, fileName);
    await writeFile(path, rows, areas);
    chmodSync(path, 0o644);
    const fileMb = statSync(path).size / 2 ** 20;
    log(`upload bench: ${rows.toLocaleString("en-GB")} rows, ${fileMb.toFixed(1)} MB, ${areas.length} areas`);

    const input = {
      path,
      fileName,
      datasetCode: "bench-upload",
      uploadedBy: "bench",
      uploadedByUserId: null,
    };
    const check = await measured("check (parse, validate, rehearse)", rows, () => validateUpload(handle.db, input));
    const { uploadId, report } = check.result;
    if (report.status !== "ready")
      throw new Error(`the bench file was refused: ${JSON.stringify(report.problems.slice(0, 3))}`);
    const publish = await measured("publish", rows, () =>
      publishUpload(handle.db, uploadId, { acceptWarnings: true, note: "bench", publishedBy: "bench" }),
    );
    const [stored] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from observations where dataset_version_id = ${publish.result.versionId}`,
    );
    if (stored?.n !== report.observationCount) {
      throw new Error(`published ${stored?.n} figures, the check counted ${report.observationCount}`);
    }
    const copy = await measured("PostgreSQL COPY into a bare table", rows, () => copyFloor(url, path));
    const insertIntoObservations = await insertFloor(url, publish.result.versionId, rows);
    return {
      rows,
      fileMb,
      figures: report.observationCount,
      stages: [check.stage, publish.stage],
      copy: copy.stage,
      insertIntoObservations,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
    await dropUploadDatabase(options);
  }
}

const uploadProcess = fileURLToPath(new URL("./upload-process.ts", import.meta.url));

/**
 * Runs the upload stage in a child process (tsx's loader is inherited through execArgv), so the peak
 * memory it reports is the upload's alone. BENCH_UPLOAD_CPU_PROF=<folder> writes a V8 CPU profile of it there.
 */
export function runUploadBenchInChild(log: (line: string) => void): Promise<UploadBenchResult> {
  const profile = process.env.BENCH_UPLOAD_CPU_PROF?.trim();
  const child = fork(uploadProcess, process.argv.slice(2), {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: [...process.execArgv, ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [])],
  });
  return new Promise((resolve, reject) => {
    let result: UploadBenchResult | undefined;
    let failure: string | undefined;
    child.on("message", (message: UploadMessage) => {
      if (message.type === "log") log(message.line);
      else if (message.type === "done") result = message.result;
      else failure = message.message;
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(failure ?? `the upload process exited with code ${code}, signal ${signal}`));
    });
  });
}
