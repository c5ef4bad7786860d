import { getIndicatorRoute, listAreasRoute, listIndicatorsRoute } from "@plan-outcomes/server/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

type ProblemBody = { status: number; detail: string; parameter?: string };

describe.each(testBackends())("indicators and areas on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it("filters indicators by priority", async () => {
    const { body } = await call(app, listIndicatorsRoute, { query: { priority: "best-education-for-all" } });
    const codes = body.map((indicator) => indicator.code);
    expect(codes).toEqual(expect.arrayContaining(["overall-absence", "persistent-absence", "suspension-rate"]));
    expect(codes).not.toContain("children-looked-after-rate");
  });

  it("finds indicators by words in their title or definition", async () => {
    const { body } = await call(app, listIndicatorsRoute, { query: { search: "care leavers" } });
    expect(body.map((indicator) => indicator.code)).toEqual(
      expect.arrayContaining(["care-leavers-eet-19-21", "care-leavers-eet-17-18"]),
    );
  });

  it("returns one indicator with its full metadata and source", async () => {
    const { status, body } = await call(app, getIndicatorRoute, { params: { code: "overall-absence" } });
    expect(status).toBe(200);
    expect(body.polarity).toBe("lower_is_better");
    expect(body.unit).toBe("%");
    expect(body.numerator).toBe("Sessions missed");
    expect(body.noSignificance).toBe(true);
    expect(body.source?.title).toBe("Pupil absence in schools in England");
    expect(body.source?.url).toMatch(/^https:\/\/explore-education-statistics\.service\.gov\.uk\//);
    expect(body.priorities.some((link) => link.code === "best-education-for-all" && link.isPrimary)).toBe(true);
  });

  it("answers an unknown indicator with a 404 problem naming the code", async () => {
    const response = await app.inject({ url: "/api/indicators/no-such-indicator" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect((response.json() as ProblemBody).detail).toContain('"no-such-indicator"');
  });

  it("answers a malformed query with a 400 naming the parameter", async () => {
    const response = await app.inject({ url: "/api/indicators?colour=red" });
    expect(response.statusCode).toBe(400);
    expect((response.json() as ProblemBody).parameter).toBe("colour");
    const badCode = await app.inject({ url: "/api/indicators/bad%20code!" });
    expect(badCode.statusCode).toBe(400);
    expect((badCode.json() as ProblemBody).detail).toContain("code");
  });

  it("keeps Dorset County and Dorset Council as two areas with their dates", async () => {
    const { body } = await call(app, listAreasRoute, { query: { type: "local_authority" } });
    const county = body.find((area) => area.dfeCode === "835");
    const council = body.find((area) => area.dfeCode === "838");
    expect(county).toMatchObject({ onsCode: "E10000009", validTo: "2019-03-31", parentCode: "E12000009" });
    expect(council).toMatchObject({ onsCode: "E06000059", validFrom: "2019-04-01", validTo: null });
    expect(body.length).toBeGreaterThan(150);
  });

  it("represents the Chesil LAG split into Weymouth and Portland by dates", async () => {
    const { body } = await call(app, listAreasRoute, { query: { type: "lag_area" } });
    const byName = new Map(body.map((area) => [area.name, area]));
    expect(byName.get("Chesil LAG")).toMatchObject({ validTo: "2023-10-03", parentCode: "DOR-LOC-CHESIL" });
    expect(byName.get("Weymouth LAG")).toMatchObject({ validFrom: "2023-10-04", parentCode: "DOR-LOC-CHESIL" });
    expect(byName.get("Portland LAG")).toMatchObject({ validFrom: "2023-10-04" });
  });
});
