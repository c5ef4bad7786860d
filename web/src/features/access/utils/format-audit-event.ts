import type { AuditEvent } from "@plan-outcomes/server/contract";

const ACTOR_KINDS: Record<string, string> = {
  session: "signed in",
  token: "API token",
  oidc: "organisation account",
  system: "the system",
  anonymous: "not signed in",
};

/**
 * Who did it, and how: { who: "ada@example.org", how: "API token" }; with no account, the kind alone
 * ({ who: "Not signed in", how: null } for a failed sign-in by an unknown address).
 */
export function formatAuditActor(event: Pick<AuditEvent, "actorEmail" | "actorKind">): {
  who: string;
  how: string | null;
} {
  const kind = ACTOR_KINDS[event.actorKind] ?? event.actorKind;
  if (!event.actorEmail) return { who: kind.charAt(0).toUpperCase() + kind.slice(1), how: null };
  return { who: event.actorEmail, how: kind };
}

function formatDetailValue(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value)) return value.length ? value.map(formatDetailValue).join(", ") : "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** An event's details as "key: value" lines: { role: "viewer", areaCodes: [] } → ["role: viewer", "area codes: none"]. */
export function formatAuditDetails(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(
    ([key, value]) => `${key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}: ${formatDetailValue(value)}`,
  );
}
