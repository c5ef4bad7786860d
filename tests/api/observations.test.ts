import { queryRows } from "@plan-outcomes/db";
import { getObservationsRoute } from "@plan-outcomes/server/contract";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const DORSET = "E06000059";
const ENGLAND = "E92000001";

describe.each(testBackends())("observations on %s", (backend) => {
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

  const observations = (code: string, query: Record<string, string> = {}) =>
    call(app, getObservationsRoute, { params: { code }, query });

  it("gives Dorset's care leavers in EET with counts, interval and a significant comparison", async () => {
    const { status, body } = await observations("care-leavers-eet-19-21", { areas: DORSET, periods: "2025" });
    expect(status).toBe(200);
    const [dorset] = body.observations;
    expect(dorset).toMatchObject({ areaName: "Dorset", value: 62, numerator: 129, denominator: 209, status: "value" });
    expect(dorset?.lowerCi).toBeCloseTo(54.98, 2);
    expect(dorset?.upperCi).toBeCloseTo(68.04, 2);
    expect(dorset?.comparison).toMatchObject({ benchmarkName: "England", benchmarkValue: 54, verdict: "better" });
    expect(dorset?.comparison?.description).toBe("Better than England");
    expect(dorset?.source?.title).toBe("Children looked after in England including adoptions");
  });

  it("does not test significance for overall absence and says why", async () => {
    const { body } = await observations("overall-absence", { areas: DORSET, periods: "202425" });
    const [dorset] = body.observations;
    expect(dorset?.value).toBe(7.49);
    expect(dorset?.lowerCi).toBeNull();
    expect(dorset?.comparison?.verdict).toBe("not_compared");
    expect(dorset?.comparison?.difference).toBeCloseTo(0.71, 6);
    expect(dorset?.comparison?.description).toContain("significance is not tested");
  });

  it("keeps a not-available figure as a typed symbol, never zero", async () => {
    const { body } = await observations("overall-absence", { areas: `${DORSET},${ENGLAND}`, periods: "201920" });
    expect(body.observations.map((row) => [row.areaName, row.status, row.value])).toEqual([
      ["Dorset", "x", null],
      ["England", "x", null],
    ]);
  });

  it("keeps Dorset County's series separate from Dorset Council's", async () => {
    const { body } = await observations("overall-absence", { areas: "E10000009,E06000059" });
    const county = body.observations.filter((row) => row.areaName === "Dorset County Council");
    expect(county.find((row) => row.period.code === "201516")?.value).toBe(4.73);
    const council = body.observations.filter((row) => row.areaName === "Dorset");
    expect(council.find((row) => row.period.code === "202122")?.value).toBe(8.2);
  });

  it("marks the disputed Dorchester exclusion and links it to its minutes", async () => {
    const { body } = await observations("permanent-exclusions-count", { areas: "DOR-LOC-DORCHESTER" });
    const [figure] = body.observations;
    expect(figure).toMatchObject({ value: 1, isDisputed: true, areaName: "Dorchester" });
    expect(figure?.source).toMatchObject({
      title: "Dorchester Local Alliance Group minutes, 21 September 2023",
      locator: "Item 5, schools data",
    });
    expect(figure?.note).toContain("5-6");
  });

  it("marks generated locality figures as illustrative", async () => {
    const { body } = await observations("overall-absence", { areas: "DOR-LOC-CHESIL,DOR-LAG-PORTLAND" });
    expect(body.observations.length).toBeGreaterThan(0);
    expect(body.observations.every((row) => row.isIllustrative)).toBe(true);
    // The Portland LAG began in October 2023: no figure for a year that ended before it.
    expect(
      body.observations.filter((row) => row.areaCode === "DOR-LAG-PORTLAND").map((row) => row.period.code),
    ).toEqual(["202324", "202425"]);
  });

  it("answers an unknown area with a 404 naming it", async () => {
    const { status, body } = await observations("overall-absence", { areas: "E06000059,E00000000" });
    expect(status).toBe(404);
    expect((body as unknown as { detail: string }).detail).toContain("E00000000");
  });

  it("traces every current figure to a source and a dataset version", async () => {
    const [untraced] = await queryRows<{ count: number }>(
      database.handle.db,
      sql`select count(*)::int as count from observations where superseded_by_version_id is null
          and (source_id is null or source_locator = '')`,
    );
    expect(untraced?.count).toBe(0);
  });
});
