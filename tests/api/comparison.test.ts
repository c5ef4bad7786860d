import { queryRows } from "@plan-outcomes/db";
import { getAreaComparisonRoute } from "@plan-outcomes/server/contract";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const INDICATOR = "persistent-absence";

describe.each(testBackends())("comparing areas on %s", (backend) => {
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

  const compare = (among: string, period?: string) =>
    call(app, getAreaComparisonRoute, {
      params: { code: INDICATOR },
      query: period ? { among, period } : { among },
    });

  it("ranks every English council with a figure in the latest period, compared with England", async () => {
    const { status, body } = await compare("local_authorities");
    expect(status).toBe(200);
    const latest = await queryRows<{ code: string; n: number }>(
      database.handle.db,
      sql`select p.code, count(*)::int as n from observations o
          join periods p on p.id = o.period_id join areas a on a.id = o.area_id
          join indicators i on i.id = o.indicator_id join breakdowns b on b.id = o.breakdown_id
          where i.code = ${INDICATOR} and a.type = 'local_authority' and b.dimension = 'total'
            and o.superseded_by_version_id is null and not o.is_provisional and o.value is not null
          group by p.code, p.ends_on order by p.ends_on desc limit 1`,
    );
    expect(body.period?.code).toBe(latest[0]?.code);
    const withValues = body.observations.filter((observation) => observation.value !== null);
    expect(withValues).toHaveLength(latest[0]?.n ?? -1);
    const values = withValues.map((observation) => observation.value ?? 0);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(body.benchmark.areaName).toBe("England");
    expect(body.observations.map((observation) => observation.areaCode)).toContain("E06000059");
    for (const observation of withValues) expect(observation.comparison?.benchmarkName).toBe("England");
  });

  it("narrows to Dorset and its statistical neighbours", async () => {
    const { body } = await compare("neighbours");
    const codes = body.observations.map((observation) => observation.areaCode);
    expect(codes).toContain("E06000059");
    expect(codes.length).toBeLessThanOrEqual(11);
    expect(codes).toContain("E10000008"); // Devon, the closest neighbour
  });

  it("compares Dorset's localities with Dorset, in any period asked for", async () => {
    const { status, body } = await compare("localities");
    expect(status).toBe(200);
    expect(body.benchmark.areaName).toBe("Dorset");
    expect(body.observations.length).toBeGreaterThan(3);
    for (const observation of body.observations) {
      expect(observation.areaCode).toMatch(/^DOR-LOC-/);
      expect(observation.isIllustrative).toBe(true);
      expect(observation.comparison?.benchmarkName).toBe("Dorset");
    }
    const earliest = body.periods[0]?.code ?? "";
    const older = await compare("localities", earliest);
    expect(older.body.period?.code).toBe(earliest);
  });

  it("names a period the areas have no figures for", async () => {
    const { status, body } = await compare("localities", "199900");
    expect(status).toBe(404);
    expect(JSON.stringify(body)).toContain("199900");
  });
});
