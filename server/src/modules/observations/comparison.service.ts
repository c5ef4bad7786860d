import type { Database } from "@plan-outcomes/db";
import type { AreaComparison, AreaGroupChoice } from "../../contract/index.ts";
import { NotFoundError } from "../../errors.ts";
import type { ProvisionalScope } from "../access/reading.ts";
import { getAreasByCode, listAreas } from "../areas/areas.service.ts";
import { selectNeighbourGroup } from "../benchmarks/benchmarks.queries.ts";
import { getIndicator } from "../indicators/indicators.service.ts";
import { selectBreakdownId } from "./observations.queries.ts";
import { DORSET, ENGLAND, toObservations } from "./observations.service.ts";
import { selectPublishableObservations } from "./suppressed-observations.ts";

/** The areas of a group and what they are compared with: councils with England, Dorset's own areas with Dorset. */
async function groupAreas(db: Database, among: AreaGroupChoice): Promise<{ codes: string[]; benchmark: string }> {
  switch (among) {
    case "local_authorities":
      return { codes: (await listAreas(db, "local_authority")).map((area) => area.code), benchmark: ENGLAND };
    case "neighbours": {
      const [dorset] = await getAreasByCode(db, [DORSET]);
      const group = dorset ? await selectNeighbourGroup(db, dorset.id) : null;
      const all = await listAreas(db, "local_authority");
      const stored = await getAreasByCode(
        db,
        all.map((area) => area.code),
      );
      const members = stored.filter((area) => group?.areaIds.includes(area.id)).map((area) => area.code);
      return { codes: [DORSET, ...members], benchmark: ENGLAND };
    }
    case "localities":
    case "lag_areas":
      return {
        codes: (await listAreas(db, among === "localities" ? "locality" : "lag_area"))
          .filter((area) => area.parentCode === DORSET || among === "lag_areas")
          .map((area) => area.code),
        benchmark: DORSET,
      };
  }
}

export async function getAreaComparison(
  db: Database,
  code: string,
  query: { among: AreaGroupChoice; period?: string },
  provisional: ProvisionalScope,
): Promise<AreaComparison> {
  const indicator = await getIndicator(db, code);
  const { codes, benchmark } = await groupAreas(db, query.among);
  const areas = await getAreasByCode(db, [...new Set([...codes, benchmark])]);
  const totalId = await selectBreakdownId(db, "total", "Total");
  const rows =
    totalId === undefined
      ? []
      : await selectPublishableObservations(
          db,
          { indicatorIds: [indicator.id], areaIds: areas.map((area) => area.id), breakdownId: totalId, provisional },
          [indicator],
        );
  const all = toObservations(rows, indicator, undefined, benchmark);
  const inGroup = all.filter((observation) => codes.includes(observation.areaCode));
  const periods = [
    ...new Map(inGroup.map((observation) => [observation.period.code, observation.period.label])).entries(),
  ].map(([periodCode, label]) => ({ code: periodCode, label }));
  const withValues = inGroup.filter((observation) => observation.value !== null);
  const periodCode = query.period ?? withValues.at(-1)?.period.code ?? null;
  if (query.period && !periods.some((period) => period.code === query.period)) {
    throw new NotFoundError("period", `${query.period} (no figures for these areas)`);
  }
  const chosen = periods.find((period) => period.code === periodCode) ?? null;
  const [benchmarkArea] = areas.filter((area) => area.code === benchmark);
  const benchmarkValue = all.find((o) => o.areaCode === benchmark && o.period.code === periodCode)?.value ?? null;
  const { id: _id, ...publicIndicator } = indicator;
  return {
    indicator: publicIndicator,
    among: query.among,
    periods,
    period: chosen,
    benchmark: { areaCode: benchmark, areaName: benchmarkArea?.name ?? benchmark, value: benchmarkValue },
    observations: inGroup
      .filter((observation) => observation.period.code === periodCode)
      .sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY)),
  };
}
