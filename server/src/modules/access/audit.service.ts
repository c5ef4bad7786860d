import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import type { AuditEvent } from "../../contract/index.ts";

export async function listAuditEvents(
  db: Database,
  filter: { action?: string; from?: string; to?: string; limit?: number },
): Promise<AuditEvent[]> {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(like(schema.auditEvents.action, `${filter.action}%`));
  if (filter.from) conditions.push(gte(schema.auditEvents.occurredAt, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to)
    conditions.push(
      lt(schema.auditEvents.occurredAt, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)),
    );
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
