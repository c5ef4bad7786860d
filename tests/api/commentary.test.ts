import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const URL = "/api/indicators/suspension-rate/commentary";

describe.each(testBackends())("the story behind the curve on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  let chesilLead: SignedIn;
  let analyst: SignedIn;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    await grant(app, "chesil.chair@example.org", "locality_lead", ["DOR-LOC-CHESIL"]);
    await grant(app, "analyst@example.org", "analyst");
    chesilLead = await signIn(app, "chesil.chair@example.org");
    analyst = await signIn(app, "analyst@example.org");
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const write = (who: SignedIn, areaCode: string, markdown: string, periodCode: string | null = "202324") =>
    app.inject({ method: "PUT", url: URL, payload: { areaCode, periodCode, markdown }, ...asSignedIn(who) });

  it("lets a locality lead write for their own locality and its LAG areas", async () => {
    const response = await write(chesilLead, "DOR-LOC-CHESIL", "Suspensions rose **sharply** at two schools.");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      areaName: "Chesil",
      periodCode: "202324",
      html: "<p>Suspensions rose <strong>sharply</strong> at two schools.</p>\n",
      author: "chesil.chair@example.org",
      version: 1,
    });
    expect((await write(chesilLead, "DOR-LAG-PORTLAND", "Portland's first year as its own LAG.")).statusCode).toBe(200);
  });

  it("refuses a locality lead writing for another locality, and changes nothing", async () => {
    const response = await write(chesilLead, "DOR-LOC-DORCHESTER", "Not my area");
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ detail: expect.stringContaining("Dorchester") });
    const listed = await app.inject({ url: `${URL}?areas=DOR-LOC-DORCHESTER` });
    expect(listed.json()).toEqual([]);
  });

  it("refuses anonymous writers before reading the body", async () => {
    const response = await app.inject({ method: "PUT", url: URL, payload: { areaCode: "DOR-LOC-CHESIL" } });
    expect(response.statusCode).toBe(401);
  });

  it("keeps every version and shows the latest, rendered safely", async () => {
    const response = await write(
      analyst,
      "DOR-LOC-CHESIL",
      'Revised. <script>window.x=1</script><img src=x onerror="alert(1)">',
    );
    expect(response.statusCode).toBe(200);
    const listed = await app.inject({ url: `${URL}?areas=DOR-LOC-CHESIL` });
    const [entry] = listed.json() as { html: string; version: number; author: string; markdown: string }[];
    expect(entry?.version).toBe(2);
    expect(entry?.author).toBe("analyst@example.org");
    expect(entry?.markdown).toContain("<script>");
    expect(entry?.html).not.toMatch(/<script|onerror|<img/);
    expect(entry?.html).toContain("Revised.");
  });

  it("records each commentary in the audit trail", async () => {
    const { queryRows } = await import("@plan-outcomes/db");
    const { sql } = await import("drizzle-orm");
    const rows = await queryRows<{ target: string }>(
      database.handle.db,
      sql`select target from audit_events where action = 'commentary.write' order by id`,
    );
    expect(rows.map((row) => row.target)).toEqual([
      "suspension-rate / DOR-LOC-CHESIL / 202324",
      "suspension-rate / DOR-LAG-PORTLAND / 202324",
      "suspension-rate / DOR-LOC-CHESIL / 202324",
    ]);
  });

  it("answers an unknown period with a 404 naming it", async () => {
    const response = await write(analyst, "DOR-LOC-CHESIL", "x", "209900");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ detail: expect.stringContaining("209900") });
  });
});
