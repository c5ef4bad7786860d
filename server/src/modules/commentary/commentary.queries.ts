import type { Database, Executor } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, asc, eq, inArray } from "drizzle-orm";

const { areas, commentaries, periods, users } = schema;

/** Every version of the commentary on an indicator in these areas, oldest first. */
export function selectCommentaryVersions(db: Database, indicatorId: number, areaIds: number[]) {
  return db
    .select({
      areaId: commentaries.areaId,
      areaCode: areas.code,
      areaName: areas.name,
      periodCode: periods.code,
      markdown: commentaries.markdown,
      authorName: users.displayName,
      authorEmail: users.email,
      writtenAt: commentaries.writtenAt,
    })
    .from(commentaries)
    .innerJoin(areas, eq(areas.id, commentaries.areaId))
    .innerJoin(users, eq(users.id, commentaries.authorUserId))
    .leftJoin(periods, eq(periods.id, commentaries.periodId))
    .where(and(eq(commentaries.indicatorId, indicatorId), inArray(commentaries.areaId, areaIds)))
    .orderBy(asc(commentaries.writtenAt), asc(commentaries.id));
}

export function insertCommentary(tx: Executor, values: typeof commentaries.$inferInsert) {
  return tx.insert(commentaries).values(values).returning();
}
