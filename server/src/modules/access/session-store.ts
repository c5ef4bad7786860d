import type { SessionStore } from "@fastify/session";
import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { eq } from "drizzle-orm";
import { sha256 } from "./secrets.ts";

type StoredSession = import("fastify").Session;

/**
 * The @fastify/session store, in the database so sessions survive restarts and are shared by
 * every API process. Expired sessions read as absent.
 */
export class DatabaseSessionStore implements SessionStore {
  constructor(
    private readonly db: Database,
    private readonly lifetimeMs: number,
  ) {}

  set(sessionId: string, session: StoredSession, callback: (error?: unknown) => void): void {
    const expires = session.cookie.expires ? new Date(session.cookie.expires) : new Date(Date.now() + this.lifetimeMs);
    const row = {
      idHash: sha256(sessionId),
      userId: session.userId ?? null,
      data: JSON.parse(JSON.stringify(session)) as Record<string, unknown>,
      expiresAt: expires,
    };
    this.db
      .insert(schema.sessions)
      .values(row)
      .onConflictDoUpdate({ target: schema.sessions.idHash, set: row })
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (error: unknown, result?: StoredSession | null) => void): void {
    this.db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.idHash, sha256(sessionId)))
      .then(([row]) => {
        if (!row || row.expiresAt.getTime() <= Date.now()) return callback(undefined, null);
        callback(undefined, row.data as unknown as StoredSession);
      }, callback);
  }

  destroy(sessionId: string, callback: (error?: unknown) => void): void {
    this.db
      .delete(schema.sessions)
      .where(eq(schema.sessions.idHash, sha256(sessionId)))
      .then(() => callback(), callback);
  }
}
