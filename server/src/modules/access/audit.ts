import type { Executor } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";

export interface AuditInput {
  actorUserId: number | null;
  actorKind: "session" | "token" | "oidc" | "system" | "anonymous";
  action: string;
  target?: string;
  outcome?: "success" | "failure";
  details?: Record<string, unknown>;
  ipAddress?: string;
}

/** Appends one event to the audit trail (the table refuses updates and deletes). */
export async function recordAuditEvent(db: Executor, event: AuditInput): Promise<void> {
  await db.insert(schema.auditEvents).values({
    actorUserId: event.actorUserId,
    actorKind: event.actorKind,
    action: event.action,
    target: event.target ?? "",
    outcome: event.outcome ?? "success",
    details: event.details ?? {},
    ipAddress: event.ipAddress ?? "",
  });
}
