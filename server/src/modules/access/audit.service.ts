import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import type { AuditEvent } from "../../contract/index.ts";

const DAY_MS = 86_400_000;

/**
 * The instants a from/to filter covers: whole UTC days, both inclusive, so `to=2026-11-22` keeps an
 * event at 23:59:59.999Z that day and `from=2026-11-22` starts at its midnight UTC. The end is exclusive
 * (the next day's midnight), so no precision of the stored timestamp falls between days.
 */
export function toUtcDayRange(filter: { from?: string; to?: string }): { from?: Date; before?: Date } {
  return {
    ...(filter.from ? { from: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
    ...(filter.to ? { before: new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + DAY_MS) } : {}),
  };
}

export async function listAuditEvents(
  db: Database,
  filter: { action?: string; from?: string; to?: string; limit?: number },
): Promise<AuditEvent[]> {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(like(schema.auditEvents.action, `${filter.action}%`));
  const range = toUtcDayRange(filter);
  if (range.from) conditions.push(gte(schema.auditEvents.occurredAt, range.from));
  if (range.before) conditions.push(lt(schema.auditEvents.occurredAt, range.before));
  const rows = await db
    .select({ event: schema.auditEvents, actorEmail: schema.users.email })
    .from(schema.auditEvents)
    .leftJoin(schema.users, eq(schema.users.id, schema.auditEvents.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(schema.auditEvents.id))
    .limit(filter.limit ?? 200);
  return rows.map(({ event, actorEmail }) => ({
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorEmail,
    actorKind: event.actorKind,
    action: event.action,
    target: event.target,
    outcome: event.outcome,
    ipAddress: event.ipAddress,
    details: event.details as Record<string, unknown>,
  }));
}
