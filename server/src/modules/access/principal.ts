import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Role } from "../../contract/index.ts";
import { sha256 } from "./secrets.ts";

/** Who is calling: a user signed in through a session, or a user's API token (never more than the user). */
export interface Principal {
  userId: number;
  email: string;
  role: Role;
  /** The localities and LAG areas a locality lead answers for. */
  areaIds: number[];
  via: "session" | "token";
  tokenId: number | null;
}

/** The caller of a route whose rule needs one: the access plugin has already refused anyone it does not allow. */
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw new Error("route reached without a principal");
  return request.principal;
}

async function areaIdsOf(db: Database, userId: number): Promise<number[]> {
  const rows = await db
    .select({ areaId: schema.userAreas.areaId })
    .from(schema.userAreas)
    .where(eq(schema.userAreas.userId, userId));
  return rows.map((row) => row.areaId);
}

export async function principalForUser(db: Database, userId: number): Promise<Principal | null> {
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
  if (!user || user.isDisabled) return null;
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    areaIds: await areaIdsOf(db, user.id),
    via: "session",
    tokenId: null,
  };
}

export async function principalForToken(db: Database, secret: string): Promise<Principal | null> {
  const [row] = await db
    .select({ token: schema.apiTokens, user: schema.users })
    .from(schema.apiTokens)
    .innerJoin(schema.users, eq(schema.users.id, schema.apiTokens.userId))
    .where(
      and(
        eq(schema.apiTokens.tokenHash, sha256(secret)),
        isNull(schema.apiTokens.revokedAt),
        gt(schema.apiTokens.expiresAt, new Date()),
      ),
    );
  if (!row || row.user.isDisabled) return null;
  await db.update(schema.apiTokens).set({ lastUsedAt: new Date() }).where(eq(schema.apiTokens.id, row.token.id));
  return {
    userId: row.user.id,
    email: row.user.email,
    role: row.user.role,
    areaIds: await areaIdsOf(db, row.user.id),
    via: "token",
    tokenId: row.token.id,
  };
}
