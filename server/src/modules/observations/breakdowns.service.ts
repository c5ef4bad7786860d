import type { Database } from "@plan-outcomes/db";
import type { BreakdownSet, Observation } from "../../contract/index.ts";
import { NotFoundError } from "../../errors.ts";
import type { ProvisionalScope } from "../access/reading.ts";
import { getAreasByCode } from "../areas/areas.service.ts";
import { getIndicator } from "../indicators/indicators.service.ts";
import { selectBreakdownsOfIndicator } from "./observations.queries.ts";
import { DORSET, ENGLAND, toObservations } from "./observations.service.ts";
import { selectPublishableObservations } from "./suppressed-observations.ts";

/** Every split of an indicator for one area and period; each compared with England's figure for the same split. */
export async function getIndicatorBreakdowns(
  db: Database,
  code: string,
  query: { area?: string; period?: string },
  provisional: ProvisionalScope,
): Promise<BreakdownSet> {
  const indicator = await getIndicator(db, code);
  const areaCode = query.area ?? DORSET;
  const areas = await getAreasByCode(db, [...new Set([areaCode, ENGLAND])]);
  const area = areas.find((candidate) => candidate.code === areaCode);
  if (!area) throw new NotFoundError("area", areaCode);
  const splits = await selectBreakdownsOfIndicator(db, indicator.id, [area.id]);

  // One read for every split, so each category is hidden or shown knowing all the others of its dimension.
  const rows = await selectPublishableObservations(
    db,
    {
      indicatorIds: [indicator.id],
      areaIds: areas.map((candidate) => candidate.id),
      breakdownId: splits.map((split) => split.id),
      provisional,
    },
    [indicator],
  );
  const bySplit = splits.map((split) => ({
    dimension: split.dimension,
    observations: toObservations(
      rows.filter((row) => row.breakdownId === split.id),
      indicator,
      { dimension: split.dimension, value: split.value },
    ).filter((observation) => observation.areaCode === areaCode),
  }));
  const own = bySplit.flatMap((split) => split.observations);
  const periods = [
    ...new Map(
      [...own]
        .sort((a, b) => a.period.endsOn.localeCompare(b.period.endsOn))
        .map((observation) => [observation.period.code, observation.period.label]),
    ),
  ].map(([periodCode, label]) => ({ code: periodCode, label }));
  if (query.period && !periods.some((period) => period.code === query.period)) {
    throw new NotFoundError("period", `${query.period} (no split figures for ${area.name})`);
  }
  const period = query.period ? periods.find((candidate) => candidate.code === query.period) : periods.at(-1);
  const dimensions = new Map<string, Observation[]>();
  for (const split of bySplit) {
    const atPeriod = split.observations.filter((observation) => observation.period.code === period?.code);
    dimensions.set(split.dimension, [...(dimensions.get(split.dimension) ?? []), ...atPeriod]);
  }
  const { id: _id, ...publicIndicator } = indicator;
  return {
    indicator: publicIndicator,
    area: { code: area.code, name: area.name },
    periods,
    period: period ?? null,
    dimensions: [...dimensions]
      .filter(([, observations]) => observations.length > 0)
      .map(([dimension, observations]) => ({ dimension, observations })),
  };
}
