import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { eq, sql } from "drizzle-orm";
import type { User } from "../../contract/index.ts";
import { recordAuditEvent } from "./audit.ts";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./secrets.ts";
import { getUser } from "./users.service.ts";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export class SignInError extends Error {
  constructor(
    message: string,
    public readonly status: 401 | 429,
  ) {
    super(message);
  }
}

/**
 * Checks an email and password. Five failures in a row lock the account for fifteen minutes;
 * every attempt is audited. The same message answers an unknown email and a wrong password.
 */
export async function signIn(db: Database, email: string, password: string, ipAddress: string): Promise<User> {
  const [user] = await db.select().from(schema.users).where(sql`lower(${schema.users.email}) = lower(${email})`);
  const fail = async (reason: string, status: 401 | 429 = 401, message = "Email or password is not right.") => {
    await recordAuditEvent(db, {
      actorUserId: user?.id ?? null,
      actorKind: "anonymous",
      action: "sign-in",
      target: email.toLowerCase(),
      outcome: "failure",
      details: { reason },
      ipAddress,
    });
    return new SignInError(message, status);
  };

  if (!user) {
    await verifyPassword(DUMMY_PASSWORD_HASH, password);
    throw await fail("unknown email");
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    const ukTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" });
    throw await fail(
      "locked",
      429,
      `Too many failed sign-ins: this account is locked. Try again after ${ukTime.format(user.lockedUntil)} (UK time).`,
    );
  }
  if (user.isDisabled || !user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedSignIns + 1;
    const lockedUntil = failures >= MAX_FAILED_SIGN_INS ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : null;
    await db
      .update(schema.users)
      .set({ failedSignIns: lockedUntil ? 0 : failures, lockedUntil })
      .where(eq(schema.users.id, user.id));
    throw await fail(user.isDisabled ? "disabled" : lockedUntil ? "wrong password; locked" : "wrong password");
  }
  await db.update(schema.users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(schema.users.id, user.id));
  await recordAuditEvent(db, {
    actorUserId: user.id,
    actorKind: "session",
    action: "sign-in",
    target: user.email,
    ipAddress,
  });
  return getUser(db, user.id);
}
