import type { Database } from "@plan-outcomes/db";
import type {
  AreaProfile,
  ComparatorFigure,
  Indicator,
  Observation,
  ProfileArea,
  ProfileFigure,
  ProfileIndicator,
} from "../../contract/index.ts";
import { BadRequestError, NotFoundError } from "../../errors.ts";
import type { ProvisionalScope } from "../access/reading.ts";
import { getAreasByCode, listAreas } from "../areas/areas.service.ts";
import { listIndicatorDetails } from "../indicators/indicators.service.ts";
import { selectBreakdownId } from "../observations/observations.queries.ts";
import { ENGLAND, toObservations } from "../observations/observations.service.ts";
import { selectPublishableObservations } from "../observations/suppressed-observations.ts";
import { listPlans } from "../plans/plans.service.ts";
import { changeSincePrevious } from "../statistics/index.ts";
import { deprivationOf, familyHubsFor } from "./profile-context.ts";
import { describeRank, rankAmongSiblings, spreadOfSiblings } from "./sibling-statistics.ts";

type Area = Awaited<ReturnType<typeof listAreas>>[number];
type StoredIndicator = Indicator & { id: number };

/** An area with the areas it is ranked among and the area its significance is tested against. */
interface ProfileSubject {
  area: Area;
  siblingCodes: string[];
  siblingsLabel: string | null;
  benchmarkCode: string;
}

/**
 * Siblings are areas of the same kind under the same council: a locality among the council's localities,
 * a LAG area among the LAG areas of the council's localities. A council is ranked among its region's councils
 * and tested against England.
 */
function toSubject(area: Area, byCode: Map<string, Area>, all: readonly Area[]): ProfileSubject {
  const parent = area.parentCode ? byCode.get(area.parentCode) : undefined;
  if (area.type === "locality" && parent) {
    return {
      area,
      siblingCodes: all.filter((a) => a.type === "locality" && a.parentCode === parent.code).map((a) => a.code),
      siblingsLabel: "localities",
      benchmarkCode: parent.code,
    };
  }
  const council = parent?.parentCode ? byCode.get(parent.parentCode) : undefined;
  if (area.type === "lag_area" && council) {
    const localities = new Set(
      all.filter((a) => a.type === "locality" && a.parentCode === council.code).map((a) => a.code),
    );
    return {
      area,
      siblingCodes: all.filter((a) => a.type === "lag_area" && localities.has(a.parentCode ?? "")).map((a) => a.code),
      siblingsLabel: "LAG areas",
      benchmarkCode: council.code,
    };
  }
  if ((area.type === "local_authority" || area.type === "region") && parent) {
    return {
      area,
      siblingCodes: all.filter((a) => a.type === area.type && a.parentCode === parent.code).map((a) => a.code),
      siblingsLabel: area.type === "region" ? "regions" : `councils in ${parent.name}`,
      benchmarkCode: ENGLAND,
    };
  }
  return { area, siblingCodes: [], siblingsLabel: null, benchmarkCode: ENGLAND };
}

/** Symbols that mean there is no figure to speak of: an older value is shown instead. A suppressed figure is shown. */
const NO_FIGURE = new Set(["x", "z"]);

type PeriodKey = Pick<Observation["period"], "type" | "code">;

/** Same period: the code alone is not enough ("2024" is a calendar year in one file and a year to March in another). */
const isPeriod = (o: Observation, period: PeriodKey) => o.period.code === period.code && o.period.type === period.type;

function comparatorAt(series: Observation[], areaCode: string, period: PeriodKey, name: string): ComparatorFigure {
  const row = series.find((o) => o.areaCode === areaCode && isPeriod(o, period));
  return { areaCode, areaName: row?.areaName ?? name, value: row?.value ?? null, status: row?.status ?? null };
}

function toProfileFigure(
  series: Observation[],
  subject: ProfileSubject,
  indicator: StoredIndicator,
  names: Map<string, string>,
): ProfileFigure {
  const own = series.filter((o) => o.areaCode === subject.area.code);
  const latestIndex = own.findLastIndex((o) => !NO_FIGURE.has(o.status));
  const latest = own[latestIndex] ?? own.at(-1) ?? null;
  const previous =
    latestIndex > 0 ? (own.slice(0, latestIndex).findLast((o) => o.value !== null && o.status !== "c") ?? null) : null;
  const { change } = changeSincePrevious(latest?.value ?? null, previous?.value ?? null);
  if (!latest) {
    return {
      latest: null,
      benchmark: null,
      england: null,
      rank: null,
      spread: null,
      previous: null,
      change: null,
      changeIsLikeForLike: true,
    };
  }
  const period = latest.period;
  const siblings = series
    .filter((o) => isPeriod(o, period) && subject.siblingCodes.includes(o.areaCode))
    .map((o) => ({ areaCode: o.areaCode, value: o.value }));
  const rank = subject.siblingsLabel ? rankAmongSiblings(subject.area.code, siblings, indicator.polarity) : null;
  const isSelf = subject.benchmarkCode === subject.area.code;
  const spread = subject.siblingCodes.length > 0 ? spreadOfSiblings(siblings) : null;
  return {
    latest,
    benchmark: isSelf
      ? null
      : comparatorAt(series, subject.benchmarkCode, period, names.get(subject.benchmarkCode) ?? subject.benchmarkCode),
    england: subject.area.code === ENGLAND ? null : comparatorAt(series, ENGLAND, period, "England"),
    // One area alone is not a ranking.
    rank: rank && rank.of > 1 ? { ...rank, label: describeRank(rank, subject.siblingsLabel ?? "areas") } : null,
    spread: spread && spread.count > 1 ? spread : null,
    previous,
    // Differences of stored decimals carry float noise (0.30000000000000004).
    change: change === null ? null : Number(change.toFixed(6)),
    changeIsLikeForLike: !previous || previous.datasetVersion.dataset === latest.datasetVersion.dataset,
  };
}

function toProfileArea(subject: ProfileSubject): ProfileArea {
  return { ...subject.area, siblingsLabel: subject.siblingsLabel };
}

/** Everything a locality profile page shows, in one answer. */
export async function getAreaProfile(
  db: Database,
  code: string,
  query: { plan?: string; compare?: string },
  provisional: ProvisionalScope,
): Promise<AreaProfile> {
  const [plans, areas] = await Promise.all([listPlans(db), listAreas(db)]);
  const byCode = new Map(areas.map((area) => [area.code, area]));
  const area = byCode.get(code);
  if (!area) throw new NotFoundError("area", code);
  const plan = query.plan ? plans.find((p) => p.code === query.plan) : plans.find((p) => p.isCurrent);
  if (!plan) throw new NotFoundError("plan", query.plan ?? "current");
  const compareArea = query.compare ? byCode.get(query.compare) : undefined;
  if (query.compare && !compareArea) {
    throw new BadRequestError(`Unknown area "${query.compare}" to compare with`, "compare");
  }

  const subject = toSubject(area, byCode, areas);
  const compareSubject = compareArea ? toSubject(compareArea, byCode, areas) : null;
  const codes = new Set([
    area.code,
    subject.benchmarkCode,
    ENGLAND,
    ...subject.siblingCodes,
    ...(compareSubject ? [compareSubject.area.code, compareSubject.benchmarkCode, ...compareSubject.siblingCodes] : []),
  ]);
  const ids = (await getAreasByCode(db, [...codes])).map((stored) => stored.id);
  const indicators = (await listIndicatorDetails(db)).filter((indicator) =>
    indicator.priorities.some((link) => link.plan === plan.code),
  );
  const totalId = await selectBreakdownId(db, "total", "Total");
  const rows =
    totalId === undefined || indicators.length === 0
      ? []
      : await selectPublishableObservations(
          db,
          {
            indicatorIds: indicators.map((indicator) => indicator.id),
            areaIds: ids,
            breakdownId: totalId,
            provisional,
          },
          indicators,
        );
  const names = new Map(areas.map((a) => [a.code, a.name]));

  const profiles = indicators.flatMap((indicator): { priority: string; profile: ProfileIndicator }[] => {
    const indicatorRows = rows.filter((row) => row.indicatorId === indicator.id);
    if (indicatorRows.length === 0) return [];
    const figureOf = (of: ProfileSubject) =>
      toProfileFigure(toObservations(indicatorRows, indicator, undefined, of.benchmarkCode), of, indicator, names);
    const own = figureOf(subject);
    const compare = compareSubject ? figureOf(compareSubject) : null;
    if (!own.latest && !compare?.latest) return [];
    const links = indicator.priorities.filter((link) => link.plan === plan.code);
    const primary = links.find((link) => link.isPrimary) ?? links[0];
    if (!primary) return [];
    return [
      {
        priority: primary.code,
        profile: {
          indicator: {
            code: indicator.code,
            title: indicator.title,
            unit: indicator.unit,
            decimalPlaces: indicator.decimalPlaces,
            polarity: indicator.polarity,
            periodType: indicator.periodType,
            priorities: indicator.priorities,
            noSignificance: indicator.noSignificance,
            suppressBelow: indicator.suppressBelow,
            numerator: indicator.numerator,
          },
          area: own,
          compare,
        },
      },
    ];
  });

  const [familyHubs, deprivation] = await Promise.all([
    familyHubsFor(db, area, byCode),
    area.type === "locality" || area.type === "lag_area" ? deprivationOf(db, subject.siblingCodes, names) : null,
  ]);
  return {
    plan: { code: plan.code, title: plan.title },
    area: toProfileArea(subject),
    familyHubs,
    deprivation,
    compareArea: compareSubject ? toProfileArea(compareSubject) : null,
    benchmark: { code: subject.benchmarkCode, name: names.get(subject.benchmarkCode) ?? subject.benchmarkCode },
    priorities: plan.priorities.map((priority) => ({
      priority,
      indicators: profiles.filter((entry) => entry.priority === priority.code).map((entry) => entry.profile),
    })),
  };
}
