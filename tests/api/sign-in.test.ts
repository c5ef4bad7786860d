import { queryRows } from "@plan-outcomes/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, PASSWORD, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe.each(testBackends())("signing in and staying safe on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    await grant(app, "analyst@example.org", "analyst");
    await grant(app, "lead@example.org", "locality_lead", ["DOR-LOC-DORCHESTER"]);
    await grant(app, "admin@example.org", "administrator");
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const audit = (action: string) =>
    queryRows<{ outcome: string; target: string; actor_kind: string }>(
      database.handle.db,
      sql`select outcome, target, actor_kind from audit_events where action = ${action} order by id`,
    );

  it("issues a new session id at sign-in, so a planted one is worthless", async () => {
    const planted = await app.inject({
      url: "/api/auth/session",
      cookies: { plan_outcomes_session: "attacker-chosen" },
    });
    expect(planted.json()).toEqual({ user: null, csrfToken: null });
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "analyst@example.org", password: PASSWORD },
      cookies: { plan_outcomes_session: "attacker-chosen" },
    });
    const issued = response.cookies.find((cookie) => cookie.name === "plan_outcomes_session");
    expect(issued?.value).toBeTruthy();
    expect(issued?.value).not.toContain("attacker-chosen");
    expect(issued).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const session = await app.inject({
      url: "/api/auth/session",
      cookies: { plan_outcomes_session: issued?.value as string },
    });
    expect((session.json() as { user: { email: string } }).user.email).toBe("analyst@example.org");
  });

  it("refuses a change from a signed-in browser without the CSRF token", async () => {
    const who = await signIn(app, "analyst@example.org");
    const without = await app.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "x", expiresInDays: 1 },
      cookies: { plan_outcomes_session: who.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ detail: expect.stringContaining("X-CSRF-Token") });
    const forged = await app.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "x", expiresInDays: 1 },
      cookies: { plan_outcomes_session: who.cookie },
      headers: { "x-csrf-token": "forged" },
    });
    expect(forged.statusCode).toBe(403);
    const withToken = await app.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "x", expiresInDays: 1 },
      ...asSignedIn(who),
    });
    expect(withToken.statusCode).toBe(200);
  });

  it("refuses an anonymous write before looking at its body", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/users",
      payload: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(401);
  });

  it("locks an account after five wrong passwords and records every attempt", async () => {
    await grant(app, "victim@example.org", "viewer");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { email: "victim@example.org", password: `wrong password ${attempt}` },
        remoteAddress: `10.0.0.${attempt}`,
      });
      expect(response.statusCode).toBe(401);
    }
    const locked = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "victim@example.org", password: PASSWORD },
      remoteAddress: "10.0.1.1",
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({
      detail: expect.stringMatching(/locked\. Try again after \d\d:\d\d \(UK time\)/),
    });
    const failures = (await audit("sign-in")).filter((event) => event.target === "victim@example.org");
    expect(failures.map((event) => event.outcome)).toEqual(Array(6).fill("failure"));
  });

  it("limits the rate of sign-in attempts from one address", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { email: `nobody${attempt}@example.org`, password: "whatever" },
        remoteAddress: "192.0.2.7",
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("ends a session when it expires", async () => {
    const who = await signIn(app, "analyst@example.org");
    await database.handle.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where user_id is not null`,
    );
    const response = await app.inject({ url: "/api/tokens", ...asSignedIn(who) });
    expect(response.statusCode).toBe(401);
  });

  it("creates a token shown once, accepts it, and refuses it once revoked", async () => {
    const who = await signIn(app, "analyst@example.org");
    const created = await app.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "nightly load", expiresInDays: 30 },
      ...asSignedIn(who),
    });
    const { secret, token } = created.json() as { secret: string; token: { id: number } };
    const listed = await app.inject({ url: "/api/tokens", ...asSignedIn(who) });
    expect(listed.body).not.toContain(secret);
    const [stored] = await queryRows<{ token_hash: string }>(
      database.handle.db,
      sql`select token_hash from api_tokens where id = ${token.id}`,
    );
    expect(stored?.token_hash).not.toBe(secret);

    const used = await app.inject({ url: "/api/tokens", headers: { authorization: `Bearer ${secret}` } });
    expect(used.statusCode).toBe(200);
    expect((await audit("token.use")).length).toBeGreaterThan(0);
    // A token is exempt from CSRF: it is not sent by browsers on their own.
    const write = await app.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "from token", expiresInDays: 1 },
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(write.statusCode).toBe(200);

    const revoked = await app.inject({ method: "DELETE", url: `/api/tokens/${token.id}`, ...asSignedIn(who) });
    expect(revoked.statusCode).toBe(200);
    const after = await app.inject({ url: "/api/tokens", headers: { authorization: `Bearer ${secret}` } });
    expect(after.statusCode).toBe(401);
  });

  it("gives a token no more than its owner's role", async () => {
    const lead = await signIn(app, "lead@example.org");
    const created = await app.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "lead script", expiresInDays: 1 },
      ...asSignedIn(lead),
    });
    const { secret } = created.json() as { secret: string };
    const users = await app.inject({ url: "/api/users", headers: { authorization: `Bearer ${secret}` } });
    expect(users.statusCode).toBe(403);
  });

  it("grants access in one step and records who did it", async () => {
    const admin = await signIn(app, "admin@example.org");
    const response = await app.inject({
      method: "POST",
      url: "/api/users",
      payload: {
        email: "new.chair@example.org",
        displayName: "New chair",
        role: "locality_lead",
        areaCodes: ["DOR-LAG-PORTLAND"],
      },
      ...asSignedIn(admin),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ role: "locality_lead", areaCodes: ["DOR-LAG-PORTLAND"] });
    const events = await app.inject({ url: "/api/audit?action=access", ...asSignedIn(admin) });
    const grants = events.json() as { action: string; target: string; actorEmail: string | null }[];
    expect(grants[0]).toMatchObject({
      action: "access.grant",
      target: "new.chair@example.org",
      actorEmail: "admin@example.org",
    });
  });

  it("exports the audit trail as CSV with formulas neutralised", async () => {
    const admin = await signIn(app, "admin@example.org");
    await app.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "=SUM(1,2)", expiresInDays: 1 },
      ...asSignedIn(admin),
    });
    const response = await app.inject({ url: "/api/audit/export?action=token", ...asSignedIn(admin) });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    const lines = response.body.trim().split("\n");
    expect(lines[0]).toBe("id,occurred_at,actor,actor_kind,action,target,outcome,ip_address,details");
    expect(response.body).toContain(`"'=SUM(1,2)"`);
    expect(response.body).not.toMatch(/,=/);
  });

  it("refuses to change or delete the audit trail", async () => {
    await expect(database.handle.db.execute(sql`update audit_events set outcome = 'success'`)).rejects.toThrow();
    await expect(database.handle.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });
});

describe("a deployment that requires sign-in", () => {
  it("refuses anonymous reads of published data but answers a signed-in one", async () => {
    const database = await openTestDatabase("pglite");
    const app = await (await import("@plan-outcomes/server/app")).buildApp({
      database: database.handle,
      access: { requireSignIn: true },
    });
    try {
      expect((await app.inject({ url: "/api/plans" })).statusCode).toBe(401);
      expect((await app.inject({ url: "/api/health" })).statusCode).toBe(200);
      await grant(app, "board@example.org", "viewer");
      const board = await signIn(app, "board@example.org");
      expect((await app.inject({ url: "/api/plans", ...asSignedIn(board) })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.dispose();
    }
  });
});
