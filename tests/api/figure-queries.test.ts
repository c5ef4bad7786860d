import { queryRows } from "@plan-outcomes/db";
import type { FigureQuery } from "@plan-outcomes/server/contract";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const QUERIES = "/api/indicators/care-leavers-eet-19-21/queries";

describe.each(testBackends())("figure queries on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  let chair: SignedIn;
  let analyst: SignedIn;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    await grant(app, "purbeck.chair@example.org", "locality_lead", ["DOR-LOC-PURBECK"]);
    await grant(app, "analyst@example.org", "analyst");
    chair = await signIn(app, "purbeck.chair@example.org");
    analyst = await signIn(app, "analyst@example.org");
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const raise = (who: SignedIn, body: Record<string, unknown>) =>
    app.inject({ method: "POST", url: QUERIES, payload: body, ...asSignedIn(who) });
  const answer = (id: number, body: Record<string, unknown>) =>
    app.inject({ method: "POST", url: `/api/figure-queries/${id}/answer`, payload: body, ...asSignedIn(analyst) });

  let raised: FigureQuery;

  it("lets a signed-in reader query a published figure, recorded in the audit trail", async () => {
    const response = await raise(chair, {
      areaCode: "E06000059",
      periodCode: "2025",
      question: "Our leaving-care team counts fewer in EET than this.",
      suggestedValue: "58-60%",
    });
    expect(response.statusCode).toBe(200);
    raised = response.json();
    expect(raised).toMatchObject({
      indicatorCode: "care-leavers-eet-19-21",
      areaCode: "E06000059",
      periodLabel: "31 March 2025",
      suggestedValue: "58-60%",
      status: "open",
      answer: null,
      raisedBy: "purbeck.chair@example.org",
    });
    const audit = await queryRows<{ action: string; target: string }>(
      database.handle.db,
      sql`select action, target from audit_events where action = 'figure_query.raise'`,
    );
    expect(audit).toEqual([{ action: "figure_query.raise", target: "care-leavers-eet-19-21 / E06000059 / 2025" }]);
  });

  it("shows the query on the figure to every reader, without names to the public", async () => {
    const anonymous = await app.inject({ url: `${QUERIES}?areas=E06000059` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual([expect.objectContaining({ id: raised.id, status: "open", raisedBy: null })]);
    const signedIn = await app.inject({ url: `${QUERIES}?areas=E06000059`, ...asSignedIn(chair) });
    expect(signedIn.json()[0].raisedBy).toBe("purbeck.chair@example.org");
  });

  it("puts open queries on the analysts' list and answers them once, keeping the answer on record", async () => {
    const open = await app.inject({ url: "/api/figure-queries", ...asSignedIn(analyst) });
    expect(open.json().map((query: FigureQuery) => query.id)).toContain(raised.id);

    const answered = await answer(raised.id, {
      status: "figure_stands",
      answer: "DfE counts care leavers by their birthday in the year, not at 31 March; the 62% is right.",
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      status: "figure_stands",
      answeredBy: "analyst@example.org",
      answer: expect.stringContaining("the 62% is right"),
    });

    const again = await answer(raised.id, { status: "corrected", answer: "Changed my mind." });
    expect(again.statusCode).toBe(409);
    const stillOpen = await app.inject({ url: "/api/figure-queries", ...asSignedIn(analyst) });
    expect(stillOpen.json().map((query: FigureQuery) => query.id)).not.toContain(raised.id);
    const all = await app.inject({ url: "/api/figure-queries?status=all", ...asSignedIn(analyst) });
    expect(all.json().find((query: FigureQuery) => query.id === raised.id)?.answer).toContain("62% is right");
  });

  it("gives the indicator page its commentary, targets and queries in one answer", async () => {
    const response = await app.inject({ url: "/api/indicators/care-leavers-eet-19-21/annotations?areas=E06000059" });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.queries.map((query: FigureQuery) => query.id)).toEqual([raised.id]);
    expect(body).toMatchObject({ commentary: expect.any(Array), targets: expect.any(Array) });
  });

  it("refuses a query about a figure that does not exist, naming it, and stores nothing", async () => {
    const before = await queryRows<{ n: number }>(
      database.handle.db,
      sql`select count(*)::int as n from figure_queries`,
    );
    const response = await raise(chair, { areaCode: "E06000059", periodCode: "2031", question: "Where is this?" });
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toContain("2031");
    const after = await queryRows<{ n: number }>(
      database.handle.db,
      sql`select count(*)::int as n from figure_queries`,
    );
    expect(after).toEqual(before);
  });

  it("refuses an empty question and an unknown query id", async () => {
    expect((await raise(chair, { areaCode: "E06000059", periodCode: "2025", question: "" })).statusCode).toBe(400);
    expect((await answer(999_999, { status: "corrected", answer: "x" })).statusCode).toBe(404);
  });
});
