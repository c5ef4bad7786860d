import type { AccessRule, Role } from "@plan-outcomes/server/contract";
import { formatRoleChoice } from "./format-role.ts";

export type AccessDecision =
  | { kind: "allowed" }
  /** Nobody is signed in; signing in may be enough (or may not: `heading` says what is needed). */
  | { kind: "sign-in"; heading: string }
  /** Signed in, but the role may not use the page. */
  | { kind: "forbidden"; heading: string };

/**
 * Whether a page may be shown, judged by the same rule the API route behind it declares, so the page and the
 * API never disagree. The server still decides: this only spares people a page that cannot work for them.
 */
export function toAccessDecision(rule: AccessRule, role: Role | null): AccessDecision {
  if (rule === "open" || rule === "published" || rule === "key") return { kind: "allowed" };
  if (rule === "signed-in") {
    return role ? { kind: "allowed" } : { kind: "sign-in", heading: "You need to sign in to see this page" };
  }
  if (role && rule.includes(role)) return { kind: "allowed" };
  const heading = `You need to be ${formatRoleChoice(rule)} to see this page`;
  return role ? { kind: "forbidden", heading } : { kind: "sign-in", heading };
}
