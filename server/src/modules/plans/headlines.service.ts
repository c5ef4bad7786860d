import type { Database } from "@plan-outcomes/db";
import type { Area, Headline, Indicator, Observation, PrioritySummary } from "../../contract/index.ts";
import { BadRequestError } from "../../errors.ts";
import { latestPerKey } from "../../lib/latest-per-key.ts";
import type { ProvisionalScope } from "../access/reading.ts";
import { getAreasByCode } from "../areas/areas.service.ts";
import { selectLocalAuthorityValues, selectNeighbourGroup } from "../benchmarks/benchmarks.queries.ts";
import { median, rankAmong } from "../benchmarks/ranking.ts";
import { selectBreakdownId } from "../observations/observations.queries.ts";
import { DORSET, ENGLAND, SOUTH_WEST, toObservations } from "../observations/observations.service.ts";
import { selectPublishableObservations } from "../observations/suppressed-observations.ts";
import { changeSincePrevious } from "../statistics/index.ts";
import { targetInView, targetStatus } from "../targets/target-status.ts";
import { selectAreaTargetVersions } from "../targets/targets.queries.ts";

const COMPARATORS = [DORSET, SOUTH_WEST, ENGLAND];
/** A rank among a handful of councils (a local count only Dorset publishes) says nothing: leave it out. */
const MIN_RANKED_AREAS = 10;

type IndicatorDetail = Indicator & { id: number };

export interface Headlines {
  area: Area;
  headlineOf: (indicator: IndicatorDetail) => Headline;
}

/**
 * Everything the Board reads about indicators in one area: latest figure, change, trend, the
 * comparator areas, the statistical-neighbour median, rank among English LAs and target status.
 * A fixed number of queries whatever the number of indicators.
 */
export async function loadHeadlines(
  db: Database,
  indicators: IndicatorDetail[],
  areaCode: string | undefined,
  provisional: ProvisionalScope,
  /** An ISO date: only periods ending by then count, as if reading the Plan at that date. */
  asOf?: string,
): Promise<Headlines> {
  areaCode ??= DORSET;
  const codes = [...new Set([areaCode, ...COMPARATORS])];
  const areas = await getAreasByCode(db, codes);
  const area = areas[0];
  if (!area) throw new BadRequestError(`Unknown area "${areaCode}"`, "area");
  const indicatorIds = indicators.map((indicator) => indicator.id);
  const totalId = await selectBreakdownId(db, "total", "Total");
  const rows = (
    totalId === undefined || indicators.length === 0
      ? []
      : await selectPublishableObservations(
          db,
          { indicatorIds, areaIds: areas.map((candidate) => candidate.id), breakdownId: totalId, provisional },
          indicators,
        )
  ).filter((row) => asOf === undefined || row.period.endsOn <= asOf);
  const neighbourGroup = await selectNeighbourGroup(db, area.id);
  const isLocalAuthority = area.type === "local_authority";
  const latestPeriodIds = [...new Set(rows.filter((row) => row.areaId === area.id).map((row) => row.period.id))];
  const localAuthorityValues =
    totalId === undefined || latestPeriodIds.length === 0 || (!isLocalAuthority && !neighbourGroup)
      ? []
      : await selectLocalAuthorityValues(db, { indicatorIds, periodIds: latestPeriodIds, breakdownId: totalId });
  const targets =
    indicators.length === 0
      ? []
      : latestPerKey(
          await selectAreaTargetVersions(db, indicatorIds, area.id),
          (row) => `${row.indicatorId}|${row.periodCode}`,
        ).map(({ latest }) => latest);

  const headlineOf = (indicator: IndicatorDetail): Headline => {
    const series = toObservations(
      rows.filter((row) => row.indicatorId === indicator.id),
      indicator,
    );
    const own = series.filter((observation) => observation.areaCode === areaCode);
    // The Board reads the latest figure there is: a trailing "not available" period does not hide it.
    const withValues = own.filter((observation) => observation.value !== null);
    const latest = withValues.at(-1) ?? own.at(-1) ?? null;
    const latestIndex = latest ? withValues.indexOf(latest) : -1;
    const previous = latestIndex > 0 ? (withValues[latestIndex - 1] ?? null) : null;
    const { change } = changeSincePrevious(latest?.value ?? null, previous?.value ?? null);
    const atLatest = (code: string): Observation | undefined =>
      latest ? series.find((o) => o.areaCode === code && o.period.code === latest.period.code) : undefined;
    const latestPeriodId = latest
      ? rows.find((row) => row.indicatorId === indicator.id && row.period.code === latest.period.code)?.period.id
      : undefined;
    const peers = localAuthorityValues.filter(
      (row) => row.indicatorId === indicator.id && row.periodId === latestPeriodId && row.value !== null,
    );

    let neighbours: Headline["neighbours"] = null;
    if (neighbourGroup && latest) {
      const values = peers.filter((row) => neighbourGroup.areaIds.includes(row.areaId)).map((row) => row.value ?? 0);
      neighbours = {
        groupName: neighbourGroup.name,
        median: median(values),
        count: values.length,
        of: neighbourGroup.areaIds.length,
      };
    }

    const rankedValue = latest?.status === "value" && !latest.isProvisional ? latest.value : null;
    const rank =
      isLocalAuthority && rankedValue !== null && peers.length >= MIN_RANKED_AREAS
        ? rankAmong(
            peers.map((row) => row.value ?? 0),
            rankedValue,
            indicator.polarity,
          )
        : null;

    const target = latest
      ? targetInView(
          targets.filter((row) => row.indicatorId === indicator.id),
          latest.period.endsOn,
        )
      : null;

    return {
      indicator: {
        code: indicator.code,
        title: indicator.title,
        unit: indicator.unit,
        decimalPlaces: indicator.decimalPlaces,
        polarity: indicator.polarity,
        periodType: indicator.periodType,
        priorities: indicator.priorities,
      },
      latest,
      previous,
      // Differences of stored decimals carry float noise (0.30000000000000004).
      change: change === null ? null : Number(change.toFixed(6)),
      comparators: areas
        .filter((candidate) => candidate.code !== areaCode)
        .map((candidate) => {
          const observation = atLatest(candidate.code);
          return {
            areaCode: candidate.code,
            areaName: candidate.name,
            value: observation?.value ?? null,
            status: observation?.status ?? null,
          };
        }),
      trend: own.map((observation) => ({ periodLabel: observation.period.label, value: observation.value })),
      neighbours,
      rank: rank ? { ...rank, order: indicator.polarity === "none" ? "highest_first" : "best_first" } : null,
      target:
        target && latest
          ? {
              value: target.targetValue,
              periodCode: target.periodCode,
              periodLabel: target.periodLabel,
              baselineValue: target.baselineValue,
              status:
                latest.value === null
                  ? "not_assessed"
                  : targetStatus(
                      target,
                      { value: latest.value, periodEndsOn: latest.period.endsOn },
                      indicator.polarity,
                    ),
            }
          : null,
    };
  };

  const { id: _id, parentId: _parentId, ...publicArea } = area;
  return { area: publicArea, headlineOf };
}

/** "3 better than England, 1 worse, 2 not compared": the verdicts of a priority's indicators. */
export function countVerdicts(headlines: Headline[]): PrioritySummary["counts"] {
  const verdicts = headlines.map((headline) =>
    headline.latest ? (headline.latest.comparison?.verdict ?? "not_compared") : "no_data",
  );
  const count = (...wanted: string[]) => verdicts.filter((verdict) => wanted.includes(verdict)).length;
  return {
    better: count("better"),
    similar: count("similar"),
    worse: count("worse"),
    different: count("higher", "lower"),
    notCompared: count("not_compared"),
    noData: count("no_data"),
  };
}
