import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { asc, eq, max } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const { datasetVersions, plans, priorities, priorityMappings } = schema;

export function selectPlans(db: Database) {
  return db.select().from(plans).orderBy(asc(plans.startsOn));
}

export function selectPrioritiesWithSuccessors(db: Database) {
  const successor = alias(priorities, "successor");
  return db
    .select({
      planId: priorities.planId,
      code: priorities.code,
      title: priorities.title,
      position: priorities.position,
      aims: priorities.aims,
      continuesAs: successor.code,
    })
    .from(priorities)
    .leftJoin(priorityMappings, eq(priorityMappings.fromPriorityId, priorities.id))
    .leftJoin(successor, eq(successor.id, priorityMappings.toPriorityId))
    .orderBy(asc(priorities.planId), asc(priorities.position));
}

/** The newest dataset version and when data was last published: the state of the data an answer shows. */
export async function selectDataVersion(db: Database): Promise<{ version: number; lastPublishedAt: string | null }> {
  const [row] = await db
    .select({ version: max(datasetVersions.id), lastPublishedAt: max(datasetVersions.publishedAt) })
    .from(datasetVersions);
  return { version: row?.version ?? 0, lastPublishedAt: row?.lastPublishedAt?.toISOString() ?? null };
}
