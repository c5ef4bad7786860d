import type { Database } from "@plan-outcomes/db";
import type { Comparison, Indicator, Observation, ObservationSet } from "../../contract/index.ts";
import { BadRequestError } from "../../errors.ts";
import type { ProvisionalScope } from "../access/reading.ts";
import { getAreasByCode } from "../areas/areas.service.ts";
import { getIndicator } from "../indicators/indicators.service.ts";
import { compareWithBenchmark, describeVerdict, intervalForIndicator } from "../statistics/index.ts";
import { type ObservationRow, selectBreakdownId } from "./observations.queries.ts";
import { selectPublishableObservations } from "./suppressed-observations.ts";

export const ENGLAND = "E92000001";
export const SOUTH_WEST = "E12000009";
export const DORSET = "E06000059";
export const DEFAULT_AREAS = [DORSET, SOUTH_WEST, ENGLAND];

const NO_INTERVAL_REASON = "no numerator and denominator";

/** The 95% interval: as published when the file gave one, else computed from the counts. */
function intervalOf(row: ObservationRow, indicator: Indicator): { lower: number | null; upper: number | null } {
  if (row.lowerCi !== null && row.upperCi !== null) return { lower: row.lowerCi, upper: row.upperCi };
  if (indicator.noSignificance || row.status !== "value") return { lower: null, upper: null };
  const interval = intervalForIndicator({
    valueType: indicator.valueType as Parameters<typeof intervalForIndicator>[0]["valueType"],
    numerator: row.numerator,
    denominator: row.denominator,
    multiplier: indicator.multiplier,
  });
  return interval ? { lower: interval.lower, upper: interval.upper } : { lower: null, upper: null };
}

function compare(
  row: ObservationRow,
  interval: { lower: number | null; upper: number | null },
  indicator: Indicator,
  benchmark: ObservationRow | undefined,
): Comparison | null {
  if (!benchmark || benchmark.areaId === row.areaId) return null;
  const benchmarkValue = benchmark.status === "value" ? benchmark.value : null;
  const { verdict, difference } = compareWithBenchmark({
    value: row.status === "value" ? row.value : null,
    lower: interval.lower,
    upper: interval.upper,
    benchmark: benchmarkValue,
    polarity: indicator.polarity,
    noSignificance: indicator.noSignificance,
  });
  const reason =
    verdict !== "not_compared"
      ? undefined
      : row.value === null || benchmarkValue === null
        ? "no value to compare"
        : indicator.noSignificance
          ? "significance is not tested for this indicator"
          : NO_INTERVAL_REASON;
  return {
    benchmarkCode: benchmark.areaCode,
    benchmarkName: benchmark.areaName,
    benchmarkValue,
    verdict,
    difference,
    description: describeVerdict(verdict, benchmark.areaName, reason),
  };
}

/** Turns stored rows into contract observations, each compared with the benchmark of its period. */
export function toObservations(
  rows: ObservationRow[],
  indicator: Indicator,
  breakdown = { dimension: "total", value: "Total" },
  benchmarkAreaCode = ENGLAND,
): Observation[] {
  const benchmarks = new Map(
    rows.filter((row) => row.areaCode === benchmarkAreaCode).map((row) => [row.period.id, row]),
  );
  return rows.map((row) => {
    const interval = intervalOf(row, indicator);
    return {
      areaCode: row.areaCode,
      areaName: row.areaName,
      period: {
        type: row.period.type,
        code: row.period.code,
        label: row.period.label,
        startsOn: row.period.startsOn,
        endsOn: row.period.endsOn,
      },
      breakdown,
      status: row.status,
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      lowerCi: interval.lower,
      upperCi: interval.upper,
      isProvisional: row.isProvisional,
      isRevised: row.isRevised,
      isIllustrative: row.isIllustrative,
      isDisputed: row.isDisputed,
      note: row.note,
      source: row.sourceCode
        ? { code: row.sourceCode, title: row.sourceTitle ?? "", url: row.sourceUrl, locator: row.sourceLocator }
        : null,
      datasetVersion: {
        dataset: row.dataset,
        version: row.version,
        publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
      },
      comparison: compare(row, interval, indicator, benchmarks.get(row.period.id)),
    };
  });
}

export function parseCodeList(raw: string | undefined): string[] | undefined {
  return raw ? [...new Set(raw.split(","))] : undefined;
}

export async function getIndicatorObservations(
  db: Database,
  code: string,
  query: { areas?: string; periods?: string; breakdown?: string },
  provisional: ProvisionalScope,
): Promise<ObservationSet> {
  const indicator = await getIndicator(db, code);
  const areaCodes = parseCodeList(query.areas) ?? DEFAULT_AREAS;
  // England is always read: every figure is compared with it.
  const areas = await getAreasByCode(db, [...new Set([...areaCodes, ENGLAND])]);
  const [dimension, value] = (query.breakdown ?? "total:Total").split(":") as [string, string];
  const breakdownId = await selectBreakdownId(db, dimension, value);
  if (breakdownId === undefined) throw new BadRequestError(`Unknown breakdown "${query.breakdown}"`, "breakdown");
  const rows = await selectPublishableObservations(
    db,
    {
      indicatorIds: [indicator.id],
      areaIds: areas.map((area) => area.id),
      breakdownId,
      provisional,
      ...(query.periods ? { periodCodes: parseCodeList(query.periods) as string[] } : {}),
    },
    [indicator],
  );
  const { id: _id, ...publicIndicator } = indicator;
  // Within a period, areas come in the order asked for.
  const observations = toObservations(rows, indicator, { dimension, value })
    .filter((row) => areaCodes.includes(row.areaCode))
    .sort(
      (a, b) =>
        a.period.endsOn.localeCompare(b.period.endsOn) ||
        a.period.startsOn.localeCompare(b.period.startsOn) ||
        areaCodes.indexOf(a.areaCode) - areaCodes.indexOf(b.areaCode),
    );
  return { indicator: publicIndicator, observations };
}
