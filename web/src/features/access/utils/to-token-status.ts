import type { ApiToken } from "@plan-outcomes/server/contract";

export type TokenStatus = "active" | "revoked" | "expired";

/** Whether a token still works: revoked wins over expired, since someone chose it. */
export function toTokenStatus(token: Pick<ApiToken, "expiresAt" | "revokedAt">, now: Date): TokenStatus {
  if (token.revokedAt) return "revoked";
  return new Date(token.expiresAt).getTime() <= now.getTime() ? "expired" : "active";
}
