import { queryRows } from "@plan-outcomes/db";
import { getPlanSummaryRoute, getPriorityRoute, listIndicatorsRoute } from "@plan-outcomes/server/contract";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const PLAN = "cypf-2023-2033";
const EDUCATION = "best-education-for-all";

describe.each(testBackends())("priority pages on %s", (backend) => {
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

  /** Every English LA's published total for an indicator at a period, read straight from the tables. */
  async function localAuthorityValues(indicatorCode: string, periodCode: string) {
    const rows = await queryRows<{ code: string; value: number }>(
      database.handle.db,
      sql`select a.code, o.value from observations o
          join areas a on a.id = o.area_id join indicators i on i.id = o.indicator_id
          join periods p on p.id = o.period_id join breakdowns b on b.id = o.breakdown_id
          where i.code = ${indicatorCode} and p.code = ${periodCode} and a.type = 'local_authority'
            and b.dimension = 'total' and o.status = 'value' and not o.is_provisional
            and o.superseded_by_version_id is null`,
    );
    return rows.map((row) => ({ code: row.code, value: Number(row.value) }));
  }

  it("lists every indicator of the priority, headlines first", async () => {
    const { status, body } = await call(app, getPriorityRoute, { params: { plan: PLAN, priority: EDUCATION } });
    expect(status).toBe(200);
    expect(body.priority.title).toBe("Best education for all");
    const linked = await call(app, listIndicatorsRoute, { query: { plan: PLAN, priority: EDUCATION } });
    expect(body.headlines.map((headline) => headline.indicator.code).sort()).toEqual(
      linked.body.map((indicator) => indicator.code).sort(),
    );
    const isHeadline = body.headlines.map((headline) =>
      headline.indicator.priorities.some((link) => link.plan === PLAN && link.code === EDUCATION && link.isHeadline),
    );
    expect(isHeadline.indexOf(false)).toBeGreaterThan(0);
    expect(isHeadline.slice(isHeadline.indexOf(false))).not.toContain(true);
    const counts = Object.values(body.counts).reduce((sum, count) => sum + count, 0);
    expect(counts).toBe(body.headlines.length);
  });

  it("ranks Dorset among English LAs and takes the median of its statistical neighbours", async () => {
    const { body } = await call(app, getPriorityRoute, { params: { plan: PLAN, priority: EDUCATION } });
    const absence = body.headlines.find((headline) => headline.indicator.code === "persistent-absence");
    const latest = absence?.latest;
    expect(latest?.value).not.toBeNull();
    const all = await localAuthorityValues("persistent-absence", latest?.period.code ?? "");
    expect(all.length).toBeGreaterThan(140);
    const dorset = all.find((row) => row.code === "E06000059")?.value ?? Number.NaN;
    // Lower is better: position 1 is the lowest rate.
    const better = all.filter((row) => row.value < dorset).length;
    expect(absence?.rank).toEqual({
      position: better + 1,
      of: all.length,
      quartile: Math.floor((better * 4) / all.length) + 1,
      order: "best_first",
    });

    const neighbours = await queryRows<{ code: string }>(
      database.handle.db,
      sql`select a.code from area_group_members m join areas a on a.id = m.area_id
          join area_groups g on g.id = m.group_id where g.code = 'dorset-statistical-neighbours'`,
    );
    const values = all
      .filter((row) => neighbours.some((neighbour) => neighbour.code === row.code))
      .map((row) => row.value)
      .sort((a, b) => a - b);
    expect(values.length).toBeGreaterThan(5);
    const middle = values.length / 2;
    const median =
      values.length % 2 === 1 ? values[Math.floor(middle)] : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2;
    expect(absence?.neighbours).toEqual({
      groupName: "Dorset's statistical neighbours",
      median,
      count: values.length,
      of: neighbours.length,
    });
  });

  it("gives a locality no rank among LAs and no neighbour median", async () => {
    const { status, body } = await call(app, getPriorityRoute, {
      params: { plan: PLAN, priority: EDUCATION },
      query: { area: "DOR-LOC-PURBECK" },
    });
    expect(status).toBe(200);
    expect(body.area.name).toContain("Purbeck");
    for (const headline of body.headlines) {
      expect(headline.rank).toBeNull();
      expect(headline.neighbours).toBeNull();
    }
  });

  it("shows a target's status as soon as it is set", async () => {
    const before = await call(app, getPlanSummaryRoute, { params: { plan: PLAN } });
    const headline = (body: typeof before.body) =>
      body.priorities
        .flatMap((priority) => priority.headlines)
        .find((candidate) => candidate.indicator.code === "persistent-absence");
    expect(headline(before.body)?.target).toBeNull();
    const latest = headline(before.body)?.latest;
    const value = latest?.value ?? Number.NaN;

    await grant(app, "target.analyst@example.org", "analyst");
    const analyst = await signIn(app, "target.analyst@example.org");
    const setTarget = (targetValue: number) =>
      app.inject({
        method: "PUT",
        url: "/api/indicators/persistent-absence/targets",
        payload: { areaCode: "E06000059", periodCode: "202728", targetValue, baselineValue: value },
        ...asSignedIn(analyst),
      });
    // Lower is better: a target below today's rate is not yet met, one above it is met.
    expect((await setTarget(value - 2)).statusCode).toBe(200);
    const after = await call(app, getPlanSummaryRoute, { params: { plan: PLAN } });
    expect(headline(after.body)?.target).toEqual({
      value: value - 2,
      periodCode: "202728",
      periodLabel: "2027/28",
      baselineValue: value,
      status: "not_yet_met",
    });
    expect((await setTarget(value + 1)).statusCode).toBe(200);
    const met = await call(app, getPlanSummaryRoute, { params: { plan: PLAN } });
    expect(headline(met.body)?.target?.status).toBe("met");
  });

  it("reads the Plan as it stood at the end of an earlier year", async () => {
    const { status, body } = await call(app, getPlanSummaryRoute, { params: { plan: PLAN }, query: { asOf: "2023" } });
    expect(status).toBe(200);
    const eet = body.priorities
      .flatMap((priority) => priority.headlines)
      .find((headline) => headline.indicator.code === "care-leavers-eet-19-21");
    expect(eet?.latest?.period.label).toBe("31 March 2023");
    expect(eet?.previous?.period.label).toBe("31 March 2022");
    expect(eet?.trend.map((point) => point.periodLabel).at(-1)).toBe("31 March 2023");
    const [row] = await queryRows<{ value: number }>(
      database.handle.db,
      sql`select o.value from observations o join indicators i on i.id = o.indicator_id
          join areas a on a.id = o.area_id join periods p on p.id = o.period_id
          join breakdowns b on b.id = o.breakdown_id
          where i.code = 'care-leavers-eet-19-21' and a.code = 'E06000059' and p.code = '2023'
            and b.dimension = 'total' and o.superseded_by_version_id is null`,
    );
    expect(eet?.latest?.value).toBe(Number(row?.value));
    const bad = await call(app, getPlanSummaryRoute, { params: { plan: PLAN }, query: { asOf: "23" } });
    expect(bad.status).toBe(400);
  });

  it("names an unknown priority or area", async () => {
    const priority = await call(app, getPriorityRoute, { params: { plan: PLAN, priority: "no-such-priority" } });
    expect(priority.status).toBe(404);
    expect(priority.body).toMatchObject({ detail: expect.stringContaining("no-such-priority") });
    const area = await call(app, getPriorityRoute, {
      params: { plan: PLAN, priority: EDUCATION },
      query: { area: "E99999999" },
    });
    expect(area.status).toBe(404);
    expect(area.body).toMatchObject({ detail: expect.stringContaining("E99999999") });
  });
});
