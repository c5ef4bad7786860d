import { availableParallelism } from "node:os";
import {
  type DatabaseHandle,
  ensureBreakdowns,
  ensurePeriods,
  migrateDatabase,
  openDatabase,
  schema,
} from "@plan-outcomes/db";
import { seedDatabase } from "@plan-outcomes/seeds";
import pg from "pg";
import { type BenchOptions, PLAN, type ScenarioSize } from "./options.ts";

export const ENGLAND = "E92000001";
export const SOUTH_WEST = "E12000009";
export const DORSET = "E06000059";
/** Two more real local authorities for the observations request: BCP and Devon. */
export const EXTRA_LAS = ["E06000058", "E10000008"];
/** The academic year the generated series end with. */
const LAST_ACADEMIC_YEAR_START = 2023;

const BREAKDOWNS = [
  { dimension: "total", value: "Total" },
  { dimension: "sex", value: "Female" },
  { dimension: "sex", value: "Male" },
];

export interface Scenario {
  indicators: number;
  seededIndicators: number;
  generatedIndicators: number;
  areas: number;
  generatedAreas: number;
  periods: number;
  breakdowns: number;
  /** Rows the generated dataset version holds (keys the seed already had are skipped). */
  generatedObservations: number;
  /** Every row of the observations table, seed figures included. */
  totalObservations: number;
  /** Distinct headline indicators of the current Plan, and the most/fewest on one priority. */
  headlineIndicators: number;
  headlinesPerPriority: { min: number; max: number };
  seedSeconds: number;
  insertSeconds: number;
  analyzeSeconds: number;
  /** What the two endpoints are asked for. */
  requests: {
    plan: string;
    observationsIndicator: string;
    observationsAreas: string[];
  };
}

export async function dropBenchDatabase(options: BenchOptions): Promise<void> {
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${options.databaseName} with (force)`);
  } finally {
    await admin.end();
  }
}

export async function createBenchDatabase(options: BenchOptions): Promise<void> {
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${options.databaseName} with (force)`);
    await admin.query(`create database ${options.databaseName}`);
  } finally {
    await admin.end();
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const pad3 = (n: number) => String(n).padStart(3, "0");

/** Creates, migrates, seeds and fills the bench database; returns what it holds. */
export async function buildScenario(options: BenchOptions, log: (line: string) => void): Promise<Scenario> {
  await createBenchDatabase(options);
  const handle = await openDatabase({ kind: "postgres", url: options.benchUrl, poolSize: 4 });
  try {
    let started = performance.now();
    await migrateDatabase(handle);
    await seedDatabase(handle.db, { dataDir: null, illustrative: false });
    const seedSeconds = seconds(started);
    log(`migrated and seeded in ${seedSeconds.toFixed(1)} s`);

    const reference = await withClient(options.benchUrl, (client) =>
      generateReferenceRows(handle, client, options.scenario),
    );
    log(
      `reference rows: ${reference.indicatorIds.length} indicators (${reference.generatedIndicators} generated), ` +
        `${reference.areaIds.length} areas (${reference.generatedAreas} generated), ` +
        `${reference.periodIds.length} periods, ${reference.breakdownIds.length} breakdowns`,
    );

    started = performance.now();
    const generatedObservations = await insertObservations(options.benchUrl, reference);
    const insertSeconds = seconds(started);
    log(`inserted ${generatedObservations.toLocaleString("en-GB")} observations in ${insertSeconds.toFixed(1)} s`);

    started = performance.now();
    const client = new pg.Client({ connectionString: options.benchUrl });
    await client.connect();
    let totalObservations = 0;
    try {
      await client.query("update dataset_versions set row_count = $1, observation_count = $1 where id = $2", [
        generatedObservations,
        reference.versionId,
      ]);
      // VACUUM as well as ANALYZE: a live database has been autovacuumed, so index-only scans and
      // hint bits are as they would be in steady state, not paid for by the first benchmark.
      await client.query("vacuum (analyze) observations");
      await client.query("analyze");
      const { rows } = await client.query<{ count: string }>("select count(*)::text as count from observations");
      totalObservations = Number(rows[0]?.count ?? 0);
    } finally {
      await client.end();
    }
    const analyzeSeconds = seconds(started);
    log(`vacuum analyze in ${analyzeSeconds.toFixed(1)} s`);

    return {
      indicators: reference.indicatorIds.length,
      seededIndicators: reference.indicatorIds.length - reference.generatedIndicators,
      generatedIndicators: reference.generatedIndicators,
      areas: reference.areaIds.length,
      generatedAreas: reference.generatedAreas,
      periods: reference.periodIds.length,
      breakdowns: reference.breakdownIds.length,
      generatedObservations,
      totalObservations,
      headlineIndicators: reference.headlineIndicators,
      headlinesPerPriority: reference.headlinesPerPriority,
      seedSeconds,
      insertSeconds,
      analyzeSeconds,
      requests: {
        plan: PLAN,
        observationsIndicator: reference.observationsIndicator,
        observationsAreas: [DORSET, SOUTH_WEST, ENGLAND, ...EXTRA_LAS],
      },
    };
  } finally {
    await handle.close();
  }
}

interface ReferenceRows {
  /** In generation order; `multipliers` is parallel to it. */
  indicatorIds: number[];
  multipliers: number[];
  generatedIndicators: number;
  areaIds: number[];
  generatedAreas: number;
  periodIds: number[];
  breakdownIds: number[];
  versionId: number;
  sourceId: number | null;
  observationsIndicator: string;
  headlineIndicators: number;
  headlinesPerPriority: { min: number; max: number };
}

/** Indicators (with their Plan links), areas, periods, breakdowns and the dataset version. */
async function generateReferenceRows(
  handle: DatabaseHandle,
  client: pg.Client,
  size: ScenarioSize,
): Promise<ReferenceRows> {
  const { db } = handle;

  const [plan] = (await client.query<{ id: number }>("select id from plans where code = $1", [PLAN])).rows;
  if (!plan) throw new Error(`the seed did not create plan ${PLAN}`);
  const priorities = (
    await client.query<{ id: number; code: string; headlines: number }>(
      `select p.id, p.code, count(ip.indicator_id) filter (where ip.is_headline)::int as headlines
         from priorities p left join indicator_priorities ip on ip.priority_id = p.id
        where p.plan_id = $1 group by p.id order by p.position`,
      [plan.id],
    )
  ).rows;
  const [source] = (
    await client.query<{ id: number }>("select id from sources order by code = 'dfe-lait' desc, id limit 1")
  ).rows;
  const sourceId = source?.id ?? null;

  // The catalogue's indicators, the current Plan's headlines first so a small scenario still has a summary.
  const seeded = (
    await client.query<{ id: number; multiplier: number }>(
      `select i.id, i.multiplier from indicators i
        order by exists (select 1 from indicator_priorities ip
                          where ip.indicator_id = i.id and ip.plan_id = $1 and ip.is_headline) desc, i.id`,
      [plan.id],
    )
  ).rows;
  const seededUsed = Math.min(seeded.length, size.indicators - size.minGenerated);
  const generatedCount = size.indicators - seededUsed;
  const need = new Map(priorities.map((p) => [p.id, Math.max(0, size.headlinesPerPriority - p.headlines)]));
  const generated: { id: number; multiplier: number }[] = [];
  for (let n = 1; n <= generatedCount; n += 1) {
    const priority = priorities[(n - 1) % priorities.length];
    if (!priority) throw new Error(`plan ${PLAN} has no priorities`);
    const [row] = await db
      .insert(schema.indicators)
      .values({
        code: `bench-indicator-${pad3(n)}`,
        title: `Bench indicator ${pad3(n)}: children reaching the expected standard`,
        definition:
          "Generated by the benchmark: children reaching the expected standard, as a percentage of children assessed. " +
          "Not a real statistic.",
        numerator: "Children reaching the expected standard",
        denominator: "Children assessed",
        unit: "%",
        decimalPlaces: 1,
        multiplier: 100,
        valueType: "proportion",
        polarity: n % 2 === 0 ? "lower_is_better" : "higher_is_better",
        periodType: "academic_year",
        sourceId,
        caveats: "Benchmark data.",
      })
      .returning({ id: schema.indicators.id, multiplier: schema.indicators.multiplier });
    if (!row) throw new Error("generated indicator was not stored");
    const remaining = need.get(priority.id) ?? 0;
    await db.insert(schema.indicatorPriorities).values({
      indicatorId: row.id,
      priorityId: priority.id,
      planId: plan.id,
      isPrimary: true,
      isHeadline: remaining > 0,
      position: 0,
    });
    if (remaining > 0) need.set(priority.id, remaining - 1);
    generated.push(row);
  }
  const indicatorRows = [...seeded.slice(0, seededUsed), ...generated];

  const headlineCounts = (
    await client.query<{ headlines: number; indicators: number }>(
      `select count(*) filter (where ip.is_headline)::int as headlines,
              count(distinct ip.indicator_id) filter (where ip.is_headline)::int as indicators
         from priorities p left join indicator_priorities ip on ip.priority_id = p.id
        where p.plan_id = $1 group by p.id`,
      [plan.id],
    )
  ).rows;
  const [distinctHeadlines] = (
    await client.query<{ count: number }>(
      "select count(distinct indicator_id)::int as count from indicator_priorities where plan_id = $1 and is_headline",
      [plan.id],
    )
  ).rows;

  // Areas: the ones the requests name first, then the other regions and LAs, then generated LAs.
  const known = (
    await client.query<{ id: number; code: string; type: string }>(
      "select id, code, type from areas where type in ('country', 'region', 'local_authority') order by id",
    )
  ).rows;
  const required = [DORSET, SOUTH_WEST, ENGLAND, ...EXTRA_LAS];
  const ordered = [
    ...required.map((code) => {
      const area = known.find((candidate) => candidate.code === code);
      if (!area) throw new Error(`the seed did not create area ${code}`);
      return area;
    }),
    ...known.filter((area) => !required.includes(area.code) && area.type !== "local_authority"),
    ...known.filter((area) => !required.includes(area.code) && area.type === "local_authority"),
  ];
  const areaIds = ordered.slice(0, size.areas).map((area) => area.id);
  const regions = known.filter((area) => area.type === "region" && /^E12/.test(area.code));
  const generatedAreas = Math.max(0, size.areas - areaIds.length);
  for (let n = 1; n <= generatedAreas; n += 1) {
    const [row] = await db
      .insert(schema.areas)
      .values({
        code: `BENCH-LA-${pad3(n)}`,
        type: "local_authority",
        name: `Bench local authority ${pad3(n)}`,
        parentId: regions[n % regions.length]?.id ?? null,
        note: "Generated by the benchmark.",
      })
      .returning({ id: schema.areas.id });
    if (!row) throw new Error("generated area was not stored");
    areaIds.push(row.id);
  }

  const periods = Array.from({ length: size.periods }, (_, index) => {
    const start = LAST_ACADEMIC_YEAR_START - (size.periods - 1) + index;
    const end = String((start + 1) % 100).padStart(2, "0");
    return {
      type: "academic_year" as const,
      code: `${start}${end}`,
      label: `${start}/${end}`,
      startsOn: `${start}-09-01`,
      endsOn: `${start + 1}-08-31`,
    };
  });
  const periodIdsByKey = await ensurePeriods(db, periods);
  const periodIds = periods.map((period) => {
    const id = periodIdsByKey.get(`${period.type}:${period.code}`);
    if (id === undefined) throw new Error(`period ${period.code} was not stored`);
    return id;
  });
  const wantedBreakdowns = BREAKDOWNS.slice(0, size.breakdowns);
  const { ids: breakdownIdsByKey } = await ensureBreakdowns(db, wantedBreakdowns);
  const breakdownIds = wantedBreakdowns.map((b) => {
    const id = breakdownIdsByKey.get(`${b.dimension}:${b.value}`);
    if (id === undefined) throw new Error(`breakdown ${b.dimension}:${b.value} was not stored`);
    return id;
  });

  const [dataset] = await db
    .insert(schema.datasets)
    .values({ code: "bench-generated", title: "Benchmark figures (generated)", sourceId })
    .returning({ id: schema.datasets.id });
  if (!dataset) throw new Error("bench dataset was not stored");
  const [version] = await db
    .insert(schema.datasetVersions)
    .values({
      datasetId: dataset.id,
      version: 1,
      status: "published",
      fileName: "generated-by-tests-bench.csv",
      fileSha256: "0".repeat(64),
      licence: "Generated",
      note: "Deterministic benchmark data, not real statistics.",
      createdBy: "tests/bench",
      publishedAt: new Date(),
    })
    .returning({ id: schema.datasetVersions.id });
  if (!version) throw new Error("bench dataset version was not stored");

  const firstGenerated = generated.length > 0 ? "bench-indicator-001" : undefined;
  if (!firstGenerated) throw new Error("the scenario has no generated indicator to ask for");
  return {
    indicatorIds: indicatorRows.map((row) => row.id),
    multipliers: indicatorRows.map((row) => row.multiplier),
    generatedIndicators: generated.length,
    areaIds,
    generatedAreas,
    periodIds,
    breakdownIds,
    versionId: version.id,
    sourceId,
    observationsIndicator: firstGenerated,
    headlineIndicators: distinctHeadlines?.count ?? 0,
    headlinesPerPriority: {
      min: Math.min(...headlineCounts.map((row) => row.headlines)),
      max: Math.max(...headlineCounts.map((row) => row.headlines)),
    },
  };
}

/**
 * Inserts indicators x areas x periods x breakdowns server-side (INSERT ... SELECT over unnest, no
 * data crosses the wire), in as many concurrent slices as there are cores. Values are a fixed
 * function of the row's position, so every run builds the same figures. Keys the seed already
 * holds a current figure for are skipped.
 */
async function insertObservations(url: string, rows: ReferenceRows): Promise<number> {
  const slices = Math.max(1, Math.min(availableParallelism(), rows.indicatorIds.length));
  const work = Array.from({ length: slices }, (_, slice) => {
    const positions = rows.indicatorIds.map((_, index) => index).filter((index) => index % slices === slice);
    return positions;
  });
  const counts = await Promise.all(
    work.map(async (positions) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("set synchronous_commit = off");
        const result = await client.query(INSERT_OBSERVATIONS, [
          positions.map((index) => rows.indicatorIds[index]),
          positions.map((index) => rows.multipliers[index]),
          positions.map((index) => index + 1),
          rows.areaIds,
          rows.periodIds,
          rows.breakdownIds,
          rows.versionId,
          rows.sourceId,
        ]);
        return result.rowCount ?? 0;
      } finally {
        await client.end();
      }
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

const INSERT_OBSERVATIONS = `
insert into observations
  (indicator_id, area_id, period_id, breakdown_id, status, value, numerator, denominator,
   is_provisional, source_id, source_locator, dataset_version_id)
select g.indicator_id, g.area_id, g.period_id, g.breakdown_id,
       case when g.suppressed then 'c'::observation_status else 'value'::observation_status end,
       case when g.suppressed then null else round((g.num / g.den * g.multiplier)::numeric, 1)::float8 end,
       case when g.suppressed then null else g.num end,
       case when g.suppressed then null else g.den end,
       g.provisional, $8, 'generated row ' || g.i_n || '/' || g.a_n || '/' || g.p_n || '/' || g.b_n, $7
  from (
    select i.id as indicator_id, i.multiplier, i.n as i_n, a.id as area_id, a.n as a_n,
           p.id as period_id, p.n as p_n, b.id as breakdown_id, b.n as b_n,
           -- the latest period of one indicator in four is provisional: hidden from the public
           p.n = cardinality($5::int[]) and i.n % 4 = 0 as provisional,
           -- about 1 figure in 40 suppressed, as small counts are in published files
           (i.n * 7 + a.n * 13 + p.n * 3 + b.n) % 40 = 0 as suppressed,
           d.den,
           floor(d.den * (0.15 + ((i.n * 13 + a.n * 29 + p.n * 3 + b.n * 5) % 70) / 100.0)) as num
      from unnest($1::int[], $2::int[], $3::int[]) as i(id, multiplier, n)
     cross join unnest($4::int[]) with ordinality as a(id, n)
     cross join unnest($5::int[]) with ordinality as p(id, n)
     cross join unnest($6::int[]) with ordinality as b(id, n)
     cross join lateral (
       select (200 + (i.n * 7919 + a.n * 104729 + p.n * 15485 + b.n * 3571) % 20000)::float8 as den
     ) d
  ) g
on conflict (indicator_id, area_id, period_id, breakdown_id) where superseded_by_version_id is null do nothing`;
