import { schema } from "@plan-outcomes/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

/** Events either side of 22 November 2026's UTC midnights, one a millisecond inside each edge. */
const MOMENTS = [
  "2026-11-21T23:59:59.999Z",
  "2026-11-22T00:00:00.000Z",
  "2026-11-22T23:59:59.000Z",
  "2026-11-22T23:59:59.999Z",
  "2026-11-23T00:00:00.000Z",
];

describe.each(testBackends())("filtering the audit trail by date on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    await grant(app, "admin@example.org", "administrator");
    admin = await signIn(app, "admin@example.org");
    await database.handle.db.insert(schema.auditEvents).values(
      MOMENTS.map((moment) => ({
        occurredAt: new Date(moment),
        actorKind: "system",
        action: "boundary.test",
        target: moment,
      })),
    );
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const targets = async (query: string) => {
    const response = await app.inject({ url: `/api/audit?action=boundary${query}`, ...asSignedIn(admin) });
    expect(response.statusCode).toBe(200);
    return (response.json() as { target: string }[]).map((event) => event.target).sort();
  };

  it("takes from and to as whole UTC days, both inclusive", async () => {
    expect(await targets("&from=2026-11-22&to=2026-11-22")).toEqual([
      "2026-11-22T00:00:00.000Z",
      "2026-11-22T23:59:59.000Z",
      "2026-11-22T23:59:59.999Z",
    ]);
  });

  it("keeps the last instant of the to day and nothing after it", async () => {
    expect(await targets("&to=2026-11-22")).toEqual(MOMENTS.slice(0, 4));
  });

  it("starts the from day at midnight UTC", async () => {
    expect(await targets("&from=2026-11-23")).toEqual(["2026-11-23T00:00:00.000Z"]);
  });

  it("exports the same days in the CSV", async () => {
    const response = await app.inject({
      url: "/api/audit/export?action=boundary&from=2026-11-22&to=2026-11-22",
      ...asSignedIn(admin),
    });
    expect(response.body.trim().split("\n")).toHaveLength(4);
    expect(response.body).toContain("2026-11-22T23:59:59.999Z");
    expect(response.body).not.toContain("2026-11-23T00:00:00.000Z");
  });

  it("refuses a date that is not a day of the calendar", async () => {
    const response = await app.inject({ url: "/api/audit?to=2026-11-31", ...asSignedIn(admin) });
    expect(response.statusCode).toBe(400);
  });
});
