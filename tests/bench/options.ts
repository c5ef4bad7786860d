/** What one benchmark run does: the full run by default, a tiny smoke run with --quick. */
export interface BenchOptions {
  quick: boolean;
  /** `--upload-only`: only the upload stage (a large file checked and published, beside COPY). */
  uploadOnly: boolean;
  /** Admin connection: the bench database is created and dropped through it. */
  adminUrl: string;
  /** The bench database, on the same server. */
  benchUrl: string;
  databaseName: string;
  scenario: ScenarioSize;
  load: LoadSettings;
}

export interface ScenarioSize {
  /** Seeded catalogue indicators first (headlines first), then generated bench-indicator-NNN ones. */
  indicators: number;
  /** At least this many generated indicators, even when the catalogue alone would fill `indicators`. */
  minGenerated: number;
  /** England, regions and local authorities; generated BENCH-LA-NNN ones when too few are seeded. */
  areas: number;
  /** Consecutive academic years ending with LAST_ACADEMIC_YEAR. */
  periods: number;
  /** 1: total only; 3: total, sex:Female, sex:Male. */
  breakdowns: 1 | 2 | 3;
  /** Headline indicators per priority of the current Plan, counting the catalogue's own. */
  headlinesPerPriority: number;
}

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** The same workloads again at one connection: service time without queueing. */
  singleSeconds: number;
  /** The app's own pool (openDatabase poolSize). */
  appPoolSize: number;
}

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
export const BENCH_DATABASE = "plan_outcomes_bench";
export const PLAN = "cypf-2023-2033";

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function benchOptions(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = argv.includes("--quick");
  const adminUrl = env.BENCH_DATABASE_URL?.trim() || DEFAULT_ADMIN_URL;
  return {
    quick,
    uploadOnly: argv.includes("--upload-only"),
    adminUrl,
    benchUrl: withDatabase(adminUrl, BENCH_DATABASE),
    databaseName: BENCH_DATABASE,
    scenario: quick
      ? { indicators: 20, minGenerated: 5, areas: 20, periods: 4, breakdowns: 1, headlinesPerPriority: 4 }
      : { indicators: 200, minGenerated: 5, areas: 160, periods: 12, breakdowns: 3, headlinesPerPriority: 5 },
    load: quick
      ? { connections: 10, durationSeconds: 2, warmupSeconds: 0.5, singleSeconds: 1, appPoolSize: 20 }
      : { connections: 50, durationSeconds: 10, warmupSeconds: 2, singleSeconds: 5, appPoolSize: 20 },
  };
}
