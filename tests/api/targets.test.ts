import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const URL = "/api/indicators/persistent-absence/targets";

describe.each(testBackends())("targets and baselines on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  let purbeckLead: SignedIn;
  let analyst: SignedIn;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    await grant(app, "purbeck.chair@example.org", "locality_lead", ["DOR-LOC-PURBECK"]);
    await grant(app, "analyst@example.org", "analyst");
    purbeckLead = await signIn(app, "purbeck.chair@example.org");
    analyst = await signIn(app, "analyst@example.org");
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const set = (who: SignedIn, body: Record<string, unknown>) =>
    app.inject({ method: "PUT", url: URL, payload: body, ...asSignedIn(who) });

  it("lets a locality lead set a target with its baseline for their own locality", async () => {
    const response = await set(purbeckLead, {
      areaCode: "DOR-LOC-PURBECK",
      periodCode: "202425",
      targetValue: 18,
      baselineValue: 21.4,
      baselinePeriodCode: "202223",
      note: "Back below the national rate.",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      areaName: "Purbeck",
      periodLabel: "2024/25",
      targetValue: 18,
      baselineValue: 21.4,
      baselinePeriodCode: "202223",
      setBy: "purbeck.chair@example.org",
      version: 1,
    });
  });

  it("refuses a locality lead setting another locality's target", async () => {
    const response = await set(purbeckLead, { areaCode: "DOR-LOC-CHESIL", periodCode: "202425", targetValue: 10 });
    expect(response.statusCode).toBe(403);
    const listed = await app.inject({ url: `${URL}?areas=DOR-LOC-CHESIL` });
    expect(listed.json()).toEqual([]);
  });

  it("keeps the history when an analyst changes a target", async () => {
    await set(analyst, { areaCode: "DOR-LOC-PURBECK", periodCode: "202425", targetValue: 17.5 });
    const listed = await app.inject({ url: `${URL}?areas=DOR-LOC-PURBECK` });
    expect(listed.json()).toMatchObject([
      { targetValue: 17.5, version: 2, setBy: "analyst@example.org", baselineValue: null },
    ]);
  });

  it("answers a code that names no period with a 404 naming it", async () => {
    const response = await set(analyst, { areaCode: "DOR-LOC-PURBECK", periodCode: "202729", targetValue: 1 });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ detail: expect.stringContaining("202729") });
  });

  it("takes a target for a future year that no figure names yet", async () => {
    const response = await set(analyst, { areaCode: "DOR-LOC-PURBECK", periodCode: "203233", targetValue: 12 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ periodCode: "203233", periodLabel: "2032/33", targetValue: 12 });
  });
});
