import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";

const { indicators, indicatorPriorities, plans, priorities, sources } = schema;

/** Which indicators to read: all of them, some codes, the headlines of one Plan, or one priority's. */
export type IndicatorFilter = {
  codes?: string[];
  headlinesOfPlan?: string;
  ofPriority?: { plan: string; priority: string };
};

function indicatorCondition(filter: IndicatorFilter): SQL | undefined {
  if (filter.codes) return inArray(indicators.code, filter.codes);
  if (filter.headlinesOfPlan) {
    return inArray(
      indicators.id,
      sql`(select ip.indicator_id from ${indicatorPriorities} ip join ${plans} p on p.id = ip.plan_id
           where p.code = ${filter.headlinesOfPlan} and ip.is_headline)`,
    );
  }
  if (filter.ofPriority) {
    return inArray(
      indicators.id,
      sql`(select ip.indicator_id from ${indicatorPriorities} ip join ${plans} p on p.id = ip.plan_id
           join ${priorities} pr on pr.id = ip.priority_id
           where p.code = ${filter.ofPriority.plan} and pr.code = ${filter.ofPriority.priority})`,
    );
  }
  return undefined;
}

export function selectIndicators(db: Database, filter: IndicatorFilter = {}) {
  return db
    .select({ indicator: indicators, source: sources })
    .from(indicators)
    .leftJoin(sources, eq(sources.id, indicators.sourceId))
    .where(indicatorCondition(filter))
    .orderBy(asc(indicators.title));
}

export function selectIndicatorLinks(db: Database, indicatorIds?: number[]) {
  return db
    .select({
      indicatorId: indicatorPriorities.indicatorId,
      plan: plans.code,
      code: priorities.code,
      isPrimary: indicatorPriorities.isPrimary,
      isHeadline: indicatorPriorities.isHeadline,
      position: priorities.position,
      linkPosition: indicatorPriorities.position,
    })
    .from(indicatorPriorities)
    .innerJoin(priorities, eq(priorities.id, indicatorPriorities.priorityId))
    .innerJoin(plans, eq(plans.id, indicatorPriorities.planId))
    .where(indicatorIds ? inArray(indicatorPriorities.indicatorId, indicatorIds) : undefined)
    .orderBy(asc(indicatorPriorities.position));
}
