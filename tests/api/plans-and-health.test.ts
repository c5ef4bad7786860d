import { getHealthRoute, getPlanSummaryRoute, listPlansRoute } from "@plan-outcomes/server/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe.each(testBackends())("plans and health on %s", (backend) => {
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

  it("reports the database it checked", async () => {
    const { status, body } = await call(app, getHealthRoute);
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok", database: backend });
  });

  it("lists both plans with their priorities in order", async () => {
    const { status, body } = await call(app, listPlansRoute);
    expect(status).toBe(200);
    const current = body.find((plan) => plan.isCurrent);
    expect(current?.title).toBe("Children, Young People and Families' Plan 2023-2033");
    expect(current?.priorities.map((priority) => priority.title)).toEqual([
      "Best start in life",
      "Young and thriving",
      "Good care provision",
      "Best education for all",
      "Best place to live",
      "Local family help",
      "Safe at home and in the community",
    ]);
    const previous = body.find((plan) => plan.code === "cypf-2020-2023");
    expect(previous?.priorities).toHaveLength(6);
    expect(previous?.priorities.find((priority) => priority.title === "Delivering Locally")?.continuesAs).toBe(
      "local-family-help",
    );
  });

  it("summarises each of the seven priorities with real headline figures", async () => {
    const { status, body } = await call(app, getPlanSummaryRoute, { params: { plan: "cypf-2023-2033" } });
    expect(status).toBe(200);
    expect(body.area.name).toBe("Dorset");
    expect(body.priorities).toHaveLength(7);
    for (const priority of body.priorities) expect(priority.headlines.length).toBeGreaterThan(0);
    const care = body.priorities.find((priority) => priority.priority.code === "good-care-provision");
    const eet = care?.headlines.find((headline) => headline.indicator.code === "care-leavers-eet-19-21");
    expect(eet?.latest?.value).toBe(62);
    expect(eet?.latest?.period.label).toBe("31 March 2025");
    expect(eet?.previous?.value).toBe(51);
    expect(eet?.change).toBe(11);
    expect(eet?.latest?.comparison?.verdict).toBe("better");
    expect(eet?.comparators.map((comparator) => [comparator.areaName, comparator.value])).toEqual([
      ["South West", 56],
      ["England", 54],
    ]);
    expect(care?.counts.better).toBeGreaterThanOrEqual(1);
  });

  it("summarises the previous plan through its own six priorities", async () => {
    const { body } = await call(app, getPlanSummaryRoute, { params: { plan: "cypf-2020-2023" } });
    expect(body.priorities.map((priority) => priority.priority.code)).toContain("delivering-locally");
    expect(body.priorities).toHaveLength(6);
  });

  it("answers an unknown plan with a 404 naming it", async () => {
    const { status, headers, body } = await call(app, getPlanSummaryRoute, { params: { plan: "cypf-1999" } });
    expect(status).toBe(404);
    expect(headers["content-type"]).toContain("application/problem+json");
    expect((body as unknown as { detail: string }).detail).toContain('"cypf-1999"');
  });

  it("answers an unknown area with a 404 naming it", async () => {
    const { status, body } = await call(app, getPlanSummaryRoute, {
      params: { plan: "cypf-2023-2033" },
      query: { area: "E99999999" },
    });
    expect(status).toBe(404);
    expect((body as unknown as { detail: string }).detail).toContain("E99999999");
  });
});
