/**
 * `pnpm bench` (or `pnpm bench --quick`): builds a large deterministic PostgreSQL database, starts
 * the real app on it, and measures the plan summary and observations endpoints against the raw SQL
 * they run. See tests/bench/README.md.
 */
import { availableParallelism, loadavg } from "node:os";
import pg from "pg";
import { type AppProcess, startAppProcess } from "./app-process.ts";
import { bundleLines, measureBundle, measurePages, pageTimingLines } from "./browser.ts";
import { fillPool, type Measurement, newSqlPool, runHttpLoad, runSqlLoad } from "./load.ts";
import { benchOptions } from "./options.ts";
import { currentObservationsQuery, type SqlQuery, summarySupportingRounds } from "./queries.ts";
import { ms, ratio, scenarioDetails, scenarioLine, table, times, verdicts } from "./report.ts";
import { buildScenario, DORSET, dropBenchDatabase, ENGLAND, type Scenario, SOUTH_WEST } from "./scenario.ts";
import { dropUploadDatabase, runUploadBenchInChild, type UploadBenchResult } from "./upload.ts";

const options = benchOptions();
const { load } = options;
const log = (line: string) => console.log(`  ${line}`);

let app: AppProcess | undefined;
let sqlPool: pg.Pool | undefined;
let cleaning: Promise<void> | undefined;

/** Closes the app, the pools and drops the bench database; safe to call twice. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    const steps: [string, () => Promise<void>][] = [
      ["stop the app", async () => app?.stop()],
      ["close the SQL pool", async () => sqlPool?.end()],
      ["drop the bench database", () => dropBenchDatabase(options)],
      ["drop the upload bench database", () => dropUploadDatabase(options)],
    ];
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (error) {
        console.error(`cleanup: could not ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaning;
}

// Ctrl-C reaches this process twice (from the terminal's process group and again from tsx): the
// first starts the cleanup, later ones must not kill the process halfway through it.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (cleaning) return;
    console.error(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function serverVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: options.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    return rows[0]?.server_version.split(" ")[0] ?? "?";
  } finally {
    await client.end();
  }
}

/** The ids the services resolve per request, looked up once for the raw SQL. */
async function sqlWorkloads(pool: pg.Pool, scenario: Scenario) {
  const ids = async (text: string, values: unknown[]) =>
    (await pool.query<{ id: number }>(text, values)).rows.map((row) => row.id);
  const areaIds = async (codes: string[]) => {
    const found = await pool.query<{ id: number; code: string }>("select id, code from areas where code = any($1)", [
      codes,
    ]);
    return codes.map((code) => {
      const row = found.rows.find((candidate) => candidate.code === code);
      if (!row) throw new Error(`no area ${code}`);
      return row.id;
    });
  };
  const [totalId] = await ids("select id from breakdowns where dimension = 'total' and value = 'Total'", []);
  if (totalId === undefined) throw new Error("no total breakdown");
  // plan-summary.service.ts: every indicator with a headline link on the Plan, the area and its comparators.
  const headlineIds = await ids(
    `select distinct ip.indicator_id as id from indicator_priorities ip join plans p on p.id = ip.plan_id
      where p.code = $1 and ip.is_headline`,
    [scenario.requests.plan],
  );
  const summaryAreaCodes = [DORSET, SOUTH_WEST, ENGLAND];
  const summary = currentObservationsQuery({
    indicatorIds: headlineIds,
    areaIds: await areaIds(summaryAreaCodes),
    breakdownId: totalId,
  });
  // observations.service.ts: the areas asked for, England always added.
  const [indicatorId] = await ids("select id from indicators where code = $1", [
    scenario.requests.observationsIndicator,
  ]);
  if (indicatorId === undefined) throw new Error("no observations indicator");
  const observations = currentObservationsQuery({
    indicatorIds: [indicatorId],
    areaIds: await areaIds([...new Set([...scenario.requests.observationsAreas, ENGLAND])]),
    breakdownId: totalId,
  });
  const summaryAll: SqlQuery[][] = [...summarySupportingRounds(summaryAreaCodes), [summary]];
  return { summary, observations, summaryAll, headlineIds };
}

async function getJson(url: string): Promise<{ status: number; body: unknown; bytes: number }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
}

function failuresOf(rows: Measurement[]): string[] {
  return rows
    .filter((row) => row.failures + row.errors > 0)
    .map(
      (row) =>
        `${row.label}: ${row.failures} failed, ${row.errors} errors/timeouts${row.firstError ? ` (first: ${row.firstError})` : ""}`,
    );
}

/** The upload stage's report: rows per second per stage, peak memory, and the ratio to COPY. */
function printUpload(result: UploadBenchResult): void {
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  const rate = (n: number) => Math.round(n).toLocaleString("en-GB");
  console.log("");
  console.log(
    `Upload: an EES-layout file of ${result.rows.toLocaleString("en-GB")} rows (${result.fileMb.toFixed(1)} MB, ` +
      `${result.figures.toLocaleString("en-GB")} figures), through validateUpload and publishUpload as an upload` +
      `${options.quick ? " (--quick: a smoke test, not a measurement)" : ""}`,
  );
  console.log(
    `${"stage".padEnd(40)}${"seconds".padStart(9)}${"rows/s".padStart(11)}${"peak RSS".padStart(10)}${"COPY is".padStart(10)}` +
      `${"Node CPU s".padStart(12)}`,
  );
  for (const stage of [...result.stages, result.copy, result.insertIntoObservations]) {
    const slower = result.stages.includes(stage) ? times(result.copy.rowsPerSecond / stage.rowsPerSecond) : "";
    console.log(
      `${stage.label.padEnd(40)}${stage.seconds.toFixed(1).padStart(9)}${rate(stage.rowsPerSecond).padStart(11)}` +
        `${mb(stage.peakRssMb).padStart(10)}${slower.padStart(10)}${stage.cpuSeconds.toFixed(1).padStart(12)}`,
    );
  }
  for (const stage of result.stages) {
    const steps = stage.steps.map((step) => `${step.step} ${step.seconds.toFixed(1)}`).join(", ");
    console.log(`  ${stage.label.split(" ")[0]}, seconds by step: ${steps}`);
  }
  const floor = result.insertIntoObservations;
  console.log(
    `beside the database's own insert into observations (its ${floor.seconds.toFixed(1)} s are indexes, checks and ` +
      `WAL that any loader pays): check ${times((result.stages[0]?.seconds ?? 0) / floor.seconds)}, ` +
      `publish ${times((result.stages[1]?.seconds ?? 0) / floor.seconds)}`,
  );
  const whole = result.stages.reduce((sum, stage) => sum + stage.seconds, 0);
  const peak = Math.max(...result.stages.map((stage) => stage.peakRssMb));
  const slowest = Math.max(...result.stages.map((stage) => result.copy.rowsPerSecond / stage.rowsPerSecond));
  console.log(
    "Node CPU s: the upload process's own CPU time (user + system) in the stage; PostgreSQL's is not counted",
  );
  console.log(
    `check + publish: ${whole.toFixed(1)} s, ${rate(result.rows / whole)} rows/s, ${times(whole / result.copy.seconds)} COPY's time`,
  );
  console.log(
    `targets: each stage within 3x of COPY: ${slowest <= 3 ? "met" : `missed (${times(slowest)})`}; ` +
      `peak memory under 500 MB: ${peak < 500 ? "met" : "missed"} (${mb(peak)}: RSS of the upload's own process, ` +
      `sampled every 20 ms during the stages; its high-water mark over the whole run, file generation included: ${mb(result.maxRssMb)})`,
  );
}

async function main(): Promise<boolean> {
  if (options.uploadOnly) {
    console.log(`Plan Outcomes upload benchmark${options.quick ? " (--quick)" : ""}: Node ${process.version}`);
    printUpload(await runUploadBenchInChild(log));
    return true;
  }
  const started = performance.now();
  const version = await serverVersion();
  const cores = availableParallelism();
  // Anything else running on the machine competes for the same cores: say so next to the numbers.
  const loadAtStart = loadavg()[0] ?? 0;
  console.log(
    `Plan Outcomes benchmark${options.quick ? " (--quick)" : ""}: PostgreSQL ${version}, ${cores} cores, Node ${process.version}`,
  );
  console.log(`building ${options.databaseName} on ${new URL(options.adminUrl).host}`);
  const scenario = await buildScenario(options, log);

  app = await startAppProcess(options.benchUrl, load.appPoolSize);
  log(`app (pid ${app.pid}, pool ${load.appPoolSize}) listening on ${app.baseUrl}`);
  const summaryUrl = `${app.baseUrl}/api/plans/${scenario.requests.plan}/summary`;
  const observationsUrl =
    `${app.baseUrl}/api/indicators/${scenario.requests.observationsIndicator}/observations` +
    `?areas=${scenario.requests.observationsAreas.join(",")}`;

  sqlPool = newSqlPool(options.benchUrl, load.connections);
  const workloads = await sqlWorkloads(sqlPool, scenario);

  // One request each first: both must answer 200, and the SQL must return what the API shows.
  const summaryProbe = await getJson(summaryUrl);
  const observationsProbe = await getJson(observationsUrl);
  if (summaryProbe.status !== 200)
    throw new Error(`summary answered ${summaryProbe.status}: ${JSON.stringify(summaryProbe.body)}`);
  if (observationsProbe.status !== 200)
    throw new Error(`observations answered ${observationsProbe.status}: ${JSON.stringify(observationsProbe.body)}`);
  const summaryBody = summaryProbe.body as { priorities: { headlines: { trend: unknown[] }[] }[] };
  const headlines = summaryBody.priorities.flatMap((priority) => priority.headlines);
  const observationsCount = (observationsProbe.body as { observations: unknown[] }).observations.length;
  const summaryRows = (await sqlPool.query(workloads.summary)).rowCount ?? 0;
  const observationsRows = (await sqlPool.query(workloads.observations)).rowCount ?? 0;
  log(
    `GET summary: ${summaryBody.priorities.length} priorities, ${headlines.length} headline cards, ` +
      `${(summaryProbe.bytes / 1024).toFixed(0)} KiB; its observation query returns ${summaryRows} rows ` +
      `for ${workloads.headlineIds.length} indicators x 3 areas`,
  );
  log(
    `GET observations: ${observationsCount} observations, ${(observationsProbe.bytes / 1024).toFixed(0)} KiB; ` +
      `its query returns ${observationsRows} rows`,
  );
  if (observationsRows !== observationsCount)
    throw new Error(`the hand-written observations SQL returns ${observationsRows} rows, the API ${observationsCount}`);

  const http = async (label: string, url: string) => {
    log(`${label}: warm-up ${load.warmupSeconds} s, then ${load.durationSeconds} s at ${load.connections} connections`);
    await runHttpLoad({ label, url, connections: load.connections, durationSeconds: load.warmupSeconds });
    const loaded = await runHttpLoad({
      label,
      url,
      connections: load.connections,
      durationSeconds: load.durationSeconds,
    });
    log(`${label}: ${load.singleSeconds} s at 1 connection`);
    const single = await runHttpLoad({ label, url, connections: 1, durationSeconds: load.singleSeconds });
    return { loaded, single };
  };
  const sql = async (label: string, rounds: SqlQuery[][]) => {
    log(`${label}: warm-up ${load.warmupSeconds} s, then ${load.durationSeconds} s at ${load.connections} clients`);
    const pool = sqlPool as pg.Pool;
    const run = (connections: number, durationSeconds: number) =>
      runSqlLoad({ label, pool, connections, durationSeconds, rounds });
    await run(load.connections, load.warmupSeconds);
    const loaded = await run(load.connections, load.durationSeconds);
    log(`${label}: ${load.singleSeconds} s at 1 client`);
    const single = await run(1, load.singleSeconds);
    return { loaded, single };
  };

  const summaryApi = await http("GET summary (API)", summaryUrl);
  const observationsApi = await http("GET observations (API)", observationsUrl);
  const bundle = measureBundle();
  const pageTimings = bundle
    ? await measurePages(
        app.baseUrl,
        [
          { label: "Plan overview", path: "/", readySelector: ".headline__value" },
          {
            label: `indicator page (${scenario.requests.observationsIndicator})`,
            path: `/indicators/${scenario.requests.observationsIndicator}?areas=${scenario.requests.observationsAreas.join(",")}`,
            readySelector: "#observations-caption",
          },
        ],
        options.quick ? 1 : 5,
      )
    : [];
  await app.stop(); // idle from here, but its pool would hold connections and memory while the SQL runs alone
  await fillPool(sqlPool, load.connections);
  const summarySql = await sql("summary query (raw SQL)", [[workloads.summary]]);
  const summaryAllSql = await sql("summary, all 7 queries (raw SQL) [1]", workloads.summaryAll);
  const observationsSql = await sql("observations query (raw SQL)", [[workloads.observations]]);

  await sqlPool.end();
  sqlPool = undefined;
  const upload = await runUploadBenchInChild(log);

  const measured = [summaryApi, summarySql, summaryAllSql, observationsApi, observationsSql];
  console.log("");
  console.log(
    `Plan Outcomes benchmark — PostgreSQL ${version.split(".")[0]}, ${cores} cores` +
      `${options.quick ? " (--quick: a smoke test, not a measurement)" : ""}`,
  );
  console.log(scenarioLine(scenario));
  for (const line of scenarioDetails(scenario)) console.log(line);
  const loadAtEnd = loadavg()[0] ?? 0;
  console.log(
    `machine: 1-minute load average ${loadAtStart.toFixed(1)} before the run, ${loadAtEnd.toFixed(1)} at the end` +
      (loadAtStart > 0.5 ? " (other work was running before the bench started: the numbers are noisy)" : ""),
  );
  console.log(
    `load: ${load.connections} concurrent connections (HTTP) / clients (SQL), ${load.durationSeconds} s each after a ` +
      `${load.warmupSeconds} s warm-up; then ${load.singleSeconds} s at 1; app pool ${load.appPoolSize}; ` +
      "autocannon and the SQL clients run in this process, the app in a child process, all on the same machine",
  );
  console.log("");
  for (const line of table([
    `at ${load.connections} connections:`,
    ...measured.map((pair) => pair.loaded),
    "at 1 connection (service time, no queueing):",
    ...measured.map((pair) => pair.single),
  ]))
    console.log(line);
  console.log("");
  for (const line of bundleLines(bundle)) console.log(line);
  console.log("");
  for (const line of pageTimingLines(pageTimings)) console.log(line);
  console.log("");
  for (const line of verdicts({
    summaryApi: summaryApi.loaded,
    summarySql: summarySql.loaded,
    observationsApi: observationsApi.loaded,
    observationsSql: observationsSql.loaded,
  }))
    console.log(line);
  console.log(
    `at 1 connection: summary p95 ${ms(summaryApi.single.p95)} ms, API / SQL p95: summary ` +
      `${times(ratio(summaryApi.single.p95, summarySql.single.p95))}, observations ` +
      `${times(ratio(observationsApi.single.p95, observationsSql.single.p95))} (for information; the targets are at ` +
      `${load.connections} connections)`,
  );
  console.log("");
  console.log(
    "[1] plans, priorities, areas, the whole indicator catalogue and its links, the breakdown id and the observations:",
  );
  console.log("    the database work of one summary request, in the service's order (not a target; for diagnosis).");
  console.log(
    "p50/p95/p99: nearest-rank over every response's time (HTTP: autocannon's response event; SQL: pool.query to last row).",
  );
  console.log("failed: non-2xx responses, connection errors and timeouts (HTTP); failed queries (SQL).");
  const own = (m: Measurement) =>
    `p50 ${m.autocannon?.p50} p90 ${m.autocannon?.p90} p97.5 ${m.autocannon?.p97_5} p99 ${m.autocannon?.p99}`;
  console.log(
    `autocannon's own whole-ms percentiles at ${load.connections} connections: summary ${own(summaryApi.loaded)}; ` +
      `observations ${own(observationsApi.loaded)}`,
  );
  console.log(`total time ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const rows = measured.flatMap((pair) => [pair.loaded, pair.single]);
  printUpload(upload);
  const failures = failuresOf(rows);
  for (const failure of failures) console.error(`FAILED ${failure}`);
  return failures.length === 0;
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanup();
}
process.exitCode = ok ? 0 : 1;
