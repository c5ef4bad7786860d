import type { Database, Executor } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, asc, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const { areas, figureQueries, indicators, observations, periods, users } = schema;

/** Queries with everything a reader needs to see them beside their figure. */
export function selectFigureQueries(
  db: Database | Executor,
  where: SQL | undefined,
  order: "oldest_open_first" | "newest_first",
) {
  const answerer = alias(users, "answerer");
  return db
    .select({
      id: figureQueries.id,
      indicatorCode: indicators.code,
      indicatorTitle: indicators.title,
      areaCode: areas.code,
      areaName: areas.name,
      periodCode: periods.code,
      periodLabel: periods.label,
      question: figureQueries.question,
      suggestedValue: figureQueries.suggestedValue,
      raisedByName: users.displayName,
      raisedByEmail: users.email,
      raisedAt: figureQueries.raisedAt,
      status: figureQueries.status,
      answer: figureQueries.answer,
      answeredByName: answerer.displayName,
      answeredByEmail: answerer.email,
      answeredAt: figureQueries.answeredAt,
    })
    .from(figureQueries)
    .innerJoin(indicators, eq(indicators.id, figureQueries.indicatorId))
    .innerJoin(areas, eq(areas.id, figureQueries.areaId))
    .innerJoin(periods, eq(periods.id, figureQueries.periodId))
    .innerJoin(users, eq(users.id, figureQueries.raisedByUserId))
    .leftJoin(answerer, eq(answerer.id, figureQueries.answeredByUserId))
    .where(where)
    .orderBy(
      ...(order === "oldest_open_first"
        ? [desc(eq(figureQueries.status, "open")), asc(figureQueries.raisedAt), asc(figureQueries.id)]
        : [desc(figureQueries.raisedAt), desc(figureQueries.id)]),
    );
}

export const queriesOfIndicator = (indicatorId: number, areaIds: number[]) =>
  and(eq(figureQueries.indicatorId, indicatorId), inArray(figureQueries.areaId, areaIds));
export const queryWithId = (id: number) => eq(figureQueries.id, id);
export const openQueries = () => eq(figureQueries.status, "open");

/** Is there a current published figure to query? (Any breakdown's total.) */
export async function selectCurrentFigureExists(
  db: Database,
  figure: { indicatorId: number; areaId: number; periodId: number; breakdownId: number },
): Promise<boolean> {
  const rows = await db
    .select({ id: observations.id })
    .from(observations)
    .where(
      and(
        eq(observations.indicatorId, figure.indicatorId),
        eq(observations.areaId, figure.areaId),
        eq(observations.periodId, figure.periodId),
        eq(observations.breakdownId, figure.breakdownId),
        isNull(observations.supersededByVersionId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export function insertFigureQuery(tx: Executor, values: typeof figureQueries.$inferInsert) {
  return tx.insert(figureQueries).values(values).returning({ id: figureQueries.id });
}

/** Answers an open query; returns nothing when it was already answered (someone else got there first). */
export function answerOpenQuery(
  tx: Executor,
  id: number,
  answer: { status: "figure_stands" | "corrected"; answer: string; answeredByUserId: number },
) {
  return tx
    .update(figureQueries)
    .set({ ...answer, answeredAt: new Date() })
    .where(and(eq(figureQueries.id, id), eq(figureQueries.status, "open")))
    .returning({ id: figureQueries.id });
}
