import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Role, User } from "../../contract/index.ts";
import { BadRequestError, NotFoundError } from "../../errors.ts";
import { recordAuditEvent } from "./audit.ts";
import type { Principal } from "./principal.ts";
import { hashPassword } from "./secrets.ts";

const { areas, userAreas, users } = schema;

export async function listUsers(db: Database): Promise<User[]> {
  const rows = await db.select().from(users).orderBy(asc(users.email));
  const links = await db
    .select({ userId: userAreas.userId, code: areas.code })
    .from(userAreas)
    .innerJoin(areas, eq(areas.id, userAreas.areaId));
  return rows.map((user) => ({
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    areaCodes: links.filter((link) => link.userId === user.id).map((link) => link.code),
    isDisabled: user.isDisabled,
  }));
}

export async function getUser(db: Database, id: number): Promise<User> {
  const user = (await listUsers(db)).find((candidate) => candidate.id === id);
  if (!user) throw new NotFoundError("user", String(id));
  return user;
}

export interface GrantInput {
  email: string;
  displayName: string;
  role: Role;
  areaCodes: string[];
  password?: string;
}

/** Creates or updates an account with its role and areas, in one transaction, audited. */
export async function grantAccess(
  db: Database,
  input: GrantInput,
  actor: Principal | null,
  ipAddress: string,
): Promise<User> {
  const areaRows = input.areaCodes.length
    ? await db
        .select({ id: areas.id, code: areas.code, type: areas.type })
        .from(areas)
        .where(inArray(areas.code, input.areaCodes))
    : [];
  for (const code of input.areaCodes) {
    const area = areaRows.find((row) => row.code === code);
    if (!area) throw new NotFoundError("area", code);
    if (area.type !== "locality" && area.type !== "lag_area") {
      throw new BadRequestError(`Area ${code} is not a locality or LAG area`, "areaCodes");
    }
  }
  if (input.role === "locality_lead" && input.areaCodes.length === 0) {
    throw new BadRequestError("A locality lead needs at least one locality or LAG area", "areaCodes");
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const userId = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${input.email})`);
    const values = {
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      ...(passwordHash ? { passwordHash } : {}),
    };
    const [row] = existing
      ? await tx.update(users).set(values).where(eq(users.id, existing.id)).returning()
      : await tx.insert(users).values(values).returning();
    if (!row) throw new Error("the account was not stored");
    await tx.delete(userAreas).where(eq(userAreas.userId, row.id));
    if (areaRows.length)
      await tx.insert(userAreas).values(areaRows.map((area) => ({ userId: row.id, areaId: area.id })));
    await recordAuditEvent(tx, {
      actorUserId: actor?.userId ?? null,
      actorKind: actor ? actor.via : "system",
      action: existing ? "access.change" : "access.grant",
      target: input.email,
      details: {
        role: input.role,
        areaCodes: input.areaCodes,
        previousRole: existing?.role ?? null,
        passwordSet: Boolean(passwordHash),
      },
      ipAddress,
    });
    return row.id;
  });
  return getUser(db, userId);
}
