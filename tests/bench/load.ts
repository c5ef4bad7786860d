import autocannon from "autocannon";
import pg from "pg";
import type { SqlQuery } from "./queries.ts";

/** One measured workload, latencies in milliseconds. */
export interface Measurement {
  label: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
  completed: number;
  /** Non-2xx responses (HTTP) or failed queries (SQL). */
  failures: number;
  /** Connection errors and timeouts (HTTP only). */
  errors: number;
  /** autocannon's own percentiles (whole milliseconds), to cross-check ours. */
  autocannon?: { p50: number; p90: number; p97_5: number; p99: number };
  firstError?: string;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

function summarise(latencies: number[]) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

export interface HttpLoad {
  label: string;
  url: string;
  connections: number;
  durationSeconds: number;
}

/**
 * autocannon against one URL. p95 is not among autocannon's percentiles (p90, p97_5, ...) and its
 * histogram keeps whole milliseconds, so every response's time (autocannon's own hrtime from
 * request sent to response parsed) is taken from its `response` event and the percentiles are
 * computed here, nearest-rank, over all responses of the run.
 */
export function runHttpLoad(load: HttpLoad): Promise<Measurement> {
  const latencies: number[] = [];
  let firstError: string | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: load.durationSeconds,
        pipelining: 1,
        timeout: 10,
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const stats = summarise(latencies);
        const completed = latencies.length;
        resolve({
          label: load.label,
          ...stats,
          // Completed responses over the run's length, as autocannon's own average req/s.
          perSecond: completed / (result.duration || load.durationSeconds),
          completed,
          failures: result.non2xx,
          errors: result.errors + result.timeouts,
          autocannon: {
            p50: result.latency.p50,
            p90: result.latency.p90,
            p97_5: result.latency.p97_5,
            p99: result.latency.p99,
          },
          ...(firstError ? { firstError } : {}),
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if ((statusCode < 200 || statusCode > 299) && !firstError) firstError = `HTTP ${statusCode}`;
    });
    instance.on("reqError", (error) => {
      if (!firstError) firstError = String(error);
    });
  });
}

export interface SqlLoad {
  label: string;
  pool: pg.Pool;
  connections: number;
  durationSeconds: number;
  /** One unit of work: a single query, or rounds of queries where each round runs in parallel. */
  rounds: SqlQuery[][];
}

/**
 * `connections` loops, each running its work back to back on the pool until the time is up; the
 * time of one unit is from asking the pool to the last row parsed. Rows come back as arrays, as
 * drizzle asks node-postgres for them.
 */
export async function runSqlLoad(load: SqlLoad): Promise<Measurement> {
  const latencies: number[] = [];
  let failures = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + load.durationSeconds * 1000;
  const once = async () => {
    for (const round of load.rounds) {
      await Promise.all(
        round.map((query) => load.pool.query({ text: query.text, values: query.values, rowMode: "array" })),
      );
    }
  };
  const loop = async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      try {
        await once();
        latencies.push(performance.now() - begin);
      } catch (error) {
        failures += 1;
        if (!firstError) firstError = error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: load.connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return {
    label: load.label,
    ...summarise(latencies),
    perSecond: latencies.length / elapsed,
    completed: latencies.length,
    failures,
    errors: 0,
    ...(firstError ? { firstError } : {}),
  };
}

/** Opens every connection of a pool up front, so no measured query pays for a connect. */
export async function fillPool(pool: pg.Pool, size: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
  for (const client of clients) client.release();
}

export function newSqlPool(url: string, size: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: size });
  // An idle client can be cut off (the cleanup's DROP DATABASE ... WITH (FORCE) may reach it before
  // pool.end() has closed its socket): without a listener that error would crash the process.
  pool.on("error", () => {});
  return pool;
}
