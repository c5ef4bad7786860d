import type { Database } from "@plan-outcomes/db";
import type { Headline, Observation, PlanSummary, PrioritySummary } from "../../contract/index.ts";
import { BadRequestError } from "../../errors.ts";
import type { ProvisionalScope } from "../access/reading.ts";
import { getAreasByCode } from "../areas/areas.service.ts";
import { listIndicatorDetails } from "../indicators/indicators.service.ts";
import { selectBreakdownId, selectCurrentObservations } from "../observations/observations.queries.ts";
import { DORSET, ENGLAND, SOUTH_WEST, toObservations } from "../observations/observations.service.ts";
import { changeSincePrevious } from "../statistics/index.ts";
import { getPlan } from "./plans.service.ts";

const COMPARATORS = [DORSET, SOUTH_WEST, ENGLAND];

/** Each priority's headline indicators for one area: what the Board reads first. */
export async function getPlanSummary(
  db: Database,
  planCode: string,
  areaCode: string | undefined,
  provisional: ProvisionalScope,
): Promise<PlanSummary> {
  areaCode ??= DORSET;
  const plan = await getPlan(db, planCode);
  const codes = [...new Set([areaCode, ...COMPARATORS])];
  const areas = await getAreasByCode(db, codes);
  const area = areas[0];
  if (!area) throw new BadRequestError(`Unknown area "${areaCode}"`, "area");
  const indicators = await listIndicatorDetails(db, { headlinesOfPlan: planCode });
  const totalId = await selectBreakdownId(db, "total", "Total");
  const rows =
    totalId === undefined || indicators.length === 0
      ? []
      : await selectCurrentObservations(db, {
          indicatorIds: indicators.map((indicator) => indicator.id),
          areaIds: areas.map((candidate) => candidate.id),
          breakdownId: totalId,
          provisional,
        });

  const headlineFor = (indicator: (typeof indicators)[number]): Headline => {
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
    };
  };

  const priorities: PrioritySummary[] = plan.priorities.map((priority) => {
    const headlines = indicators
      .filter((indicator) =>
        indicator.priorities.some((link) => link.plan === planCode && link.code === priority.code && link.isHeadline),
      )
      .map(headlineFor);
    const verdicts = headlines.map((headline) =>
      headline.latest ? (headline.latest.comparison?.verdict ?? "not_compared") : "no_data",
    );
    const count = (...wanted: string[]) => verdicts.filter((verdict) => wanted.includes(verdict)).length;
    return {
      priority,
      headlines,
      counts: {
        better: count("better"),
        similar: count("similar"),
        worse: count("worse"),
        different: count("higher", "lower"),
        notCompared: count("not_compared"),
        noData: count("no_data"),
      },
    };
  });

  const { id: _id, parentId: _parentId, ...publicArea } = area;
  return { plan: { code: plan.code, title: plan.title }, area: publicArea, priorities };
}
