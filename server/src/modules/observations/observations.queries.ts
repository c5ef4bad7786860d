import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, asc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { ProvisionalScope } from "../access/reading.ts";

const { areas, breakdowns, datasets, datasetVersions, observations, periods, sources } = schema;

/** Current (not superseded) figures for indicators x areas, one breakdown (or several), oldest period first. */
export function selectCurrentObservations(
  db: Database,
  filter: {
    indicatorIds: number[];
    areaIds: number[];
    breakdownId: number | readonly number[];
    periodCodes?: string[];
    provisional: ProvisionalScope;
  },
) {
  return db
    .select({
      indicatorId: observations.indicatorId,
      areaId: observations.areaId,
      areaCode: areas.code,
      areaName: areas.name,
      areaType: areas.type,
      areaParentId: areas.parentId,
      breakdownId: observations.breakdownId,
      period: {
        id: periods.id,
        type: periods.type,
        code: periods.code,
        label: periods.label,
        startsOn: periods.startsOn,
        endsOn: periods.endsOn,
      },
      status: observations.status,
      value: observations.value,
      numerator: observations.numerator,
      denominator: observations.denominator,
      lowerCi: observations.lowerCi,
      upperCi: observations.upperCi,
      isProvisional: observations.isProvisional,
      isRevised: observations.isRevised,
      isIllustrative: observations.isIllustrative,
      isDisputed: observations.isDisputed,
      note: observations.note,
      sourceLocator: observations.sourceLocator,
      sourceCode: sources.code,
      sourceTitle: sources.title,
      sourceUrl: sources.url,
      dataset: datasets.code,
      version: datasetVersions.version,
      publishedAt: datasetVersions.publishedAt,
    })
    .from(observations)
    .innerJoin(areas, eq(areas.id, observations.areaId))
    .innerJoin(periods, eq(periods.id, observations.periodId))
    .innerJoin(datasetVersions, eq(datasetVersions.id, observations.datasetVersionId))
    .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
    .leftJoin(sources, eq(sources.id, observations.sourceId))
    .where(
      and(
        isNull(observations.supersededByVersionId),
        inArray(observations.indicatorId, filter.indicatorIds),
        inArray(observations.areaId, filter.areaIds),
        typeof filter.breakdownId === "number"
          ? eq(observations.breakdownId, filter.breakdownId)
          : inArray(observations.breakdownId, [...filter.breakdownId]),
        filter.periodCodes ? inArray(periods.code, filter.periodCodes) : undefined,
        filter.provisional === "all"
          ? undefined
          : filter.provisional.length > 0
            ? or(eq(observations.isProvisional, false), inArray(observations.areaId, [...filter.provisional]))
            : eq(observations.isProvisional, false),
      ),
    )
    .orderBy(asc(periods.endsOn), asc(periods.startsOn));
}

export async function selectBreakdownId(db: Database, dimension: string, value: string): Promise<number | undefined> {
  const [row] = await db
    .select({ id: breakdowns.id })
    .from(breakdowns)
    .where(and(eq(breakdowns.dimension, dimension), eq(breakdowns.value, value)));
  return row?.id;
}

export type ObservationRow = Awaited<ReturnType<typeof selectCurrentObservations>>[number];

/** Areas of these types under these parents: the siblings a small-number rule must look at together. */
export async function selectChildAreaIds(
  db: Database,
  parentIds: number[],
  types: (typeof areas.$inferSelect)["type"][],
): Promise<number[]> {
  const rows = await db
    .select({ id: areas.id })
    .from(areas)
    .where(and(inArray(areas.parentId, parentIds), inArray(areas.type, types)));
  return rows.map((row) => row.id);
}

/**
 * These breakdowns with every other category of their dimensions and the headline total: the
 * figures that add up with them, which a small-number rule must look at together.
 */
export function selectBreakdownsAddingUpWith(db: Database, breakdownIds: readonly number[]) {
  const dimensions = db
    .select({ dimension: breakdowns.dimension })
    .from(breakdowns)
    .where(inArray(breakdowns.id, [...breakdownIds]));
  return db
    .select({ id: breakdowns.id, dimension: breakdowns.dimension })
    .from(breakdowns)
    .where(
      or(
        inArray(breakdowns.dimension, dimensions),
        and(eq(breakdowns.dimension, "total"), eq(breakdowns.value, "Total")),
      ),
    );
}

/** The splits (not the total) an indicator has current figures for in these areas, in a stable order. */
export function selectBreakdownsOfIndicator(db: Database, indicatorId: number, areaIds: number[]) {
  return db
    .selectDistinct({
      id: breakdowns.id,
      dimension: breakdowns.dimension,
      value: breakdowns.value,
      label: breakdowns.label,
    })
    .from(observations)
    .innerJoin(breakdowns, eq(breakdowns.id, observations.breakdownId))
    .where(
      and(
        eq(observations.indicatorId, indicatorId),
        inArray(observations.areaId, areaIds),
        isNull(observations.supersededByVersionId),
        ne(breakdowns.dimension, "total"),
      ),
    )
    .orderBy(asc(breakdowns.dimension), asc(breakdowns.id));
}
