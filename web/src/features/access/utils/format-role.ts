import type { Role } from "@plan-outcomes/server/contract";

const ROLES: Record<Role, { name: string; article: "a" | "an"; description: string }> = {
  viewer: { name: "viewer", article: "a", description: "reads published figures (Board members, partners)" },
  locality_lead: {
    name: "locality lead",
    article: "a",
    description: "as a viewer, plus their own localities’ or LAG areas’ provisional figures (LAG chairs)",
  },
  analyst: {
    name: "analyst",
    article: "an",
    description: "loads, checks and publishes data; reads provisional figures",
  },
  administrator: {
    name: "administrator",
    article: "an",
    description: "manages accounts, roles and areas; reads the audit trail",
  },
};

/** The roles in order of what they may do, for choosing one. */
export const ROLE_ORDER: readonly Role[] = ["viewer", "locality_lead", "analyst", "administrator"];

/** "locality_lead" → "locality lead". */
export function formatRole(role: Role): string {
  return ROLES[role].name;
}

/** "administrator" → "an administrator", "viewer" → "a viewer". */
export function formatRoleWithArticle(role: Role): string {
  return `${ROLES[role].article} ${ROLES[role].name}`;
}

/** What a role may do, in a few words. */
export function formatRoleDescription(role: Role): string {
  return ROLES[role].description;
}

/** ["analyst", "administrator"] → "an analyst or an administrator". */
export function formatRoleChoice(roles: readonly Role[]): string {
  const named = roles.map(formatRoleWithArticle);
  if (named.length <= 1) return named.join("");
  return `${named.slice(0, -1).join(", ")} or ${named.at(-1)}`;
}
