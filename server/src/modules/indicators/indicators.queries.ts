import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { asc, eq } from "drizzle-orm";

const { indicators, indicatorPriorities, plans, priorities, sources } = schema;

export function selectIndicators(db: Database) {
  return db
    .select({ indicator: indicators, source: sources })
    .from(indicators)
    .leftJoin(sources, eq(sources.id, indicators.sourceId))
    .orderBy(asc(indicators.title));
}

export function selectIndicatorLinks(db: Database) {
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
    .orderBy(asc(indicatorPriorities.position));
}
