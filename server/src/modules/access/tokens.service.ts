import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, desc, eq } from "drizzle-orm";
import type { ApiToken } from "../../contract/index.ts";
import { NotFoundError } from "../../errors.ts";
import { recordAuditEvent } from "./audit.ts";
import type { Principal } from "./principal.ts";
import { randomSecret, sha256 } from "./secrets.ts";

const { apiTokens } = schema;

function toApiToken(row: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listTokens(db: Database, owner: Principal): Promise<ApiToken[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, owner.userId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
}

/** A token acts as its owner, with the owner's current role; the secret exists only in this answer. */
export async function createToken(
  db: Database,
  owner: Principal,
  input: { name: string; expiresInDays: number },
  ipAddress: string,
): Promise<{ token: ApiToken; secret: string }> {
  const secret = `po_${randomSecret()}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: owner.userId,
      name: input.name,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    })
    .returning();
  if (!row) throw new Error("the token was not stored");
  await recordAuditEvent(db, {
    actorUserId: owner.userId,
    actorKind: owner.via,
    action: "token.create",
    target: input.name,
    details: { tokenId: row.id, expiresAt: row.expiresAt.toISOString() },
    ipAddress,
  });
  return { token: toApiToken(row), secret };
}

export async function revokeToken(db: Database, owner: Principal, id: number, ipAddress: string): Promise<ApiToken> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, owner.userId)))
    .returning();
  if (!row) throw new NotFoundError("token", String(id));
  await recordAuditEvent(db, {
    actorUserId: owner.userId,
    actorKind: owner.via,
    action: "token.revoke",
    target: row.name,
    details: { tokenId: row.id },
    ipAddress,
  });
  return toApiToken(row);
}
