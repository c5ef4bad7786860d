import type { Database, Executor } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const { areas, periods, targets, users } = schema;

/** Every version of the targets on an indicator in these areas, oldest first. */
export function selectTargetVersions(db: Database, indicatorId: number, areaIds: number[]) {
  const baselinePeriod = alias(periods, "baseline_period");
  return db
    .select({
      areaCode: areas.code,
      areaName: areas.name,
      periodCode: periods.code,
      periodLabel: periods.label,
      targetValue: targets.targetValue,
      baselineValue: targets.baselineValue,
      baselinePeriodCode: baselinePeriod.code,
      note: targets.note,
      setByName: users.displayName,
      setByEmail: users.email,
      setAt: targets.setAt,
    })
    .from(targets)
    .innerJoin(areas, eq(areas.id, targets.areaId))
    .innerJoin(periods, eq(periods.id, targets.periodId))
    .innerJoin(users, eq(users.id, targets.setByUserId))
    .leftJoin(baselinePeriod, eq(baselinePeriod.id, targets.baselinePeriodId))
    .where(and(eq(targets.indicatorId, indicatorId), inArray(targets.areaId, areaIds)))
    .orderBy(asc(periods.endsOn), asc(targets.setAt), asc(targets.id));
}

export function insertTarget(tx: Executor, values: typeof targets.$inferInsert) {
  return tx.insert(targets).values(values);
}

/** Every version of every target of these indicators in one area, oldest first: for target status. */
export function selectAreaTargetVersions(db: Database, indicatorIds: number[], areaId: number) {
  return db
    .select({
      indicatorId: targets.indicatorId,
      periodCode: periods.code,
      periodLabel: periods.label,
      periodEndsOn: periods.endsOn,
      targetValue: targets.targetValue,
      baselineValue: targets.baselineValue,
    })
    .from(targets)
    .innerJoin(periods, eq(periods.id, targets.periodId))
    .where(and(inArray(targets.indicatorId, indicatorIds), eq(targets.areaId, areaId)))
    .orderBy(asc(periods.endsOn), asc(targets.setAt), asc(targets.id));
}
