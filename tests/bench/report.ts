import type { Measurement } from "./load.ts";
import type { Scenario } from "./scenario.ts";

export const SUMMARY_P95_TARGET_MS = 50;
export const API_TO_SQL_TARGET = 2;

const int = (n: number) => Math.round(n).toLocaleString("en-GB");
export const ms = (n: number) =>
  Number.isNaN(n) ? "-" : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0);
export const ratio = (api: number, sql: number) => (sql > 0 ? api / sql : Number.NaN);
export const times = (n: number) => (Number.isNaN(n) ? "-" : `${n.toFixed(1)}x`);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function scenarioLine(s: Scenario): string {
  const product = s.indicators * s.areas * s.periods * s.breakdowns;
  return (
    `scenario: ${plural(s.indicators, "indicator")} x ${plural(s.areas, "area")} x ${plural(s.periods, "period")} x ` +
    `${plural(s.breakdowns, "breakdown")} = ` +
    `${int(product)} observations (loaded in ${(s.insertSeconds + s.analyzeSeconds).toFixed(1)} s)`
  );
}

export function scenarioDetails(s: Scenario): string[] {
  const { min, max } = s.headlinesPerPriority;
  return [
    `  indicators: ${s.seededIndicators} from the seeded catalogue + ${s.generatedIndicators} generated; ` +
      `${s.headlineIndicators} distinct headline indicators on the current Plan ` +
      `(${min === max ? min : `${min}-${max}`} per priority)`,
    `  areas: ${s.areas - s.generatedAreas} seeded (England, regions, LAs) + ${s.generatedAreas} generated LAs`,
    `  observations table: ${int(s.totalObservations)} rows (${int(s.generatedObservations)} in the generated ` +
      `dataset version; the rest are seed figures, whose keys the generator skips)`,
    `  timings: migrate+seed ${s.seedSeconds.toFixed(1)} s, insert ${s.insertSeconds.toFixed(1)} s, ` +
      `vacuum analyze ${s.analyzeSeconds.toFixed(1)} s`,
  ];
}

/** Rows, with a caption line wherever a string stands in the list. */
export function table(rows: (Measurement | string)[]): string[] {
  const header = `${"endpoint".padEnd(40)}${"p50 ms".padStart(8)}${"p95 ms".padStart(8)}${"p99 ms".padStart(8)}${"max ms".padStart(8)}${"req/s".padStart(9)}${"count".padStart(9)}${"failed".padStart(8)}`;
  return [
    header,
    ...rows.map((row) =>
      typeof row === "string"
        ? row
        : `${row.label.padEnd(40)}${ms(row.p50).padStart(8)}${ms(row.p95).padStart(8)}${ms(row.p99).padStart(8)}` +
          `${ms(row.max).padStart(8)}${int(row.perSecond).padStart(9)}${int(row.completed).padStart(9)}` +
          `${int(row.failures + row.errors).padStart(8)}`,
    ),
  ];
}

export function verdicts(pairs: {
  summaryApi: Measurement;
  summarySql: Measurement;
  observationsApi: Measurement;
  observationsSql: Measurement;
}): string[] {
  const { summaryApi, summarySql, observationsApi, observationsSql } = pairs;
  const p95Summary = ratio(summaryApi.p95, summarySql.p95);
  const p95Observations = ratio(observationsApi.p95, observationsSql.p95);
  const met = (ok: boolean) => (ok ? "MET" : "MISSED");
  return [
    `API / SQL p50: summary ${times(ratio(summaryApi.p50, summarySql.p50))}, observations ${times(ratio(observationsApi.p50, observationsSql.p50))}`,
    `API / SQL p95: summary ${times(p95Summary)}, observations ${times(p95Observations)}   ` +
      `(targets: summary p95 < ${SUMMARY_P95_TARGET_MS} ms; API within ${API_TO_SQL_TARGET}x of SQL)`,
    `target summary p95 < ${SUMMARY_P95_TARGET_MS} ms: ${met(summaryApi.p95 < SUMMARY_P95_TARGET_MS)} (${ms(summaryApi.p95)} ms)`,
    `target summary API within ${API_TO_SQL_TARGET}x of SQL (p95): ${met(p95Summary <= API_TO_SQL_TARGET)} (${times(p95Summary)})`,
    `target observations API within ${API_TO_SQL_TARGET}x of SQL (p95): ${met(p95Observations <= API_TO_SQL_TARGET)} (${times(p95Observations)})`,
  ];
}
