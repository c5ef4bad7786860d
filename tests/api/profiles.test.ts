import {
  getAreaProfileRoute,
  getObservationsRoute,
  listAreasRoute,
  type ProfileIndicator,
} from "@plan-outcomes/server/contract";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const DORSET = "E06000059";
const ENGLAND = "E92000001";
const SOUTH_WEST = "E12000009";
const LOCALITIES = ["CHESIL", "DORCHESTER", "EAST-DORSET", "NORTH-DORSET", "PURBECK", "WEST-DORSET"].map(
  (slug) => `DOR-LOC-${slug}`,
);
const LAG_AREAS = [
  "CHESIL",
  "DORCHESTER",
  "EAST-DORSET",
  "NORTH-DORSET",
  "PORTLAND",
  "PURBECK",
  "WEST-DORSET",
  "WEYMOUTH",
].map((slug) => `DOR-LAG-${slug}`);

/** The value at fraction p of sorted values, interpolating (QUARTILE.INC), written out independently of the server. */
function expectedQuantile(sorted: number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const low = sorted[Math.floor(position)] as number;
  const high = sorted[Math.ceil(position)] as number;
  return low + (high - low) * (position - Math.floor(position));
}

describe.each(testBackends())("area profiles on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    // Dorchester's latest overall absence becomes provisional; Purbeck's is suppressed.
    await database.handle.db.execute(sql`
      update observations set is_provisional = true
      where superseded_by_version_id is null
        and indicator_id = (select id from indicators where code = 'overall-absence')
        and period_id = (select id from periods where type = 'academic_year' and code = '202425')
        and area_id = (select id from areas where code = 'DOR-LOC-DORCHESTER')`);
    await database.handle.db.execute(sql`
      update observations set status = 'c', value = null, numerator = null, denominator = null
      where superseded_by_version_id is null
        and indicator_id = (select id from indicators where code = 'severe-absence')
        and period_id = (select id from periods where type = 'academic_year' and code = '202425')
        and area_id = (select id from areas where code = 'DOR-LOC-PURBECK')`);
    await grant(app, "analyst@example.org", "analyst");
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const profile = (code: string, query: Record<string, string> = {}) =>
    call(app, getAreaProfileRoute, { params: { code }, query });
  const observations = async (indicator: string, areas: string[]) => {
    const { body } = await call(app, getObservationsRoute, {
      params: { code: indicator },
      query: { areas: areas.join(",") },
    });
    return body.observations;
  };
  const row = (body: { priorities: { indicators: ProfileIndicator[] }[] }, indicator: string) =>
    body.priorities.flatMap((priority) => priority.indicators).find((entry) => entry.indicator.code === indicator);

  it("profiles a locality's suspension rate against Dorset, England and the other localities", async () => {
    const { status, body } = await profile("DOR-LOC-DORCHESTER");
    expect(status).toBe(200);
    expect(body.area).toMatchObject({ code: "DOR-LOC-DORCHESTER", type: "locality", parentCode: DORSET });
    expect(body.benchmark).toEqual({ code: DORSET, name: "Dorset" });

    const figures = await observations("suspension-rate", [...LOCALITIES, DORSET, ENGLAND]);
    const own = figures.filter((o) => o.areaCode === "DOR-LOC-DORCHESTER");
    const latest = own.at(-1);
    const previous = own.at(-2);
    if (!latest || !previous) throw new Error("the seed has no Dorchester suspension rates");
    const inPeriod = (code: string) => figures.find((o) => o.areaCode === code && o.period.code === latest.period.code);
    const siblingValues = LOCALITIES.map((code) => inPeriod(code)?.value).filter((v): v is number => v != null);
    const sorted = [...siblingValues].sort((a, b) => a - b);
    const dorset = inPeriod(DORSET)?.value ?? null;

    const suspensions = row(body, "suspension-rate");
    expect(suspensions?.area.latest).toMatchObject({
      period: { code: latest.period.code },
      value: latest.value,
      isIllustrative: true,
    });
    expect(suspensions?.area.latest?.lowerCi).toBeCloseTo(latest.lowerCi as number, 9);
    expect(suspensions?.area.latest?.upperCi).toBeCloseTo(latest.upperCi as number, 9);
    expect(suspensions?.area.benchmark).toMatchObject({ areaName: "Dorset", value: dorset });
    expect(suspensions?.area.england).toMatchObject({ areaName: "England", value: inPeriod(ENGLAND)?.value });
    const dorsetInside =
      (dorset as number) >= (latest.lowerCi as number) && (dorset as number) <= (latest.upperCi as number);
    const expectedVerdict = dorsetInside
      ? "similar"
      : (latest.value as number) < (dorset as number)
        ? "better"
        : "worse";
    expect(suspensions?.area.latest?.comparison).toMatchObject({ benchmarkName: "Dorset", verdict: expectedVerdict });

    const position = siblingValues.filter((value) => value < (latest.value as number)).length + 1;
    expect(suspensions?.area.rank).toMatchObject({ position, of: siblingValues.length, order: "best_first" });
    expect(suspensions?.area.rank?.label).toMatch(new RegExp(`of ${siblingValues.length} localities`));
    expect(suspensions?.area.spread?.min).toBe(sorted[0]);
    expect(suspensions?.area.spread?.max).toBe(sorted.at(-1));
    expect(suspensions?.area.spread?.q1).toBeCloseTo(expectedQuantile(sorted, 0.25), 9);
    expect(suspensions?.area.spread?.median).toBeCloseTo(expectedQuantile(sorted, 0.5), 9);
    expect(suspensions?.area.spread?.q3).toBeCloseTo(expectedQuantile(sorted, 0.75), 9);

    expect(suspensions?.area.previous).toMatchObject({ period: { code: previous.period.code }, value: previous.value });
    expect(suspensions?.area.change).toBeCloseTo((latest.value as number) - (previous.value as number), 6);
    // The previous figure is the part-year one quoted in the LAG minutes, not the same series.
    expect(suspensions?.area.changeIsLikeForLike).toBe(previous.source?.code === latest.source?.code);
  });

  it("says overall absence is not tested for significance, and why", async () => {
    const { body } = await profile("DOR-LOC-DORCHESTER");
    const absence = row(body, "overall-absence");
    expect(absence?.area.latest?.comparison?.verdict).toBe("not_compared");
    expect(absence?.area.latest?.comparison?.description).toContain("significance is not tested");
    expect(absence?.area.latest?.lowerCi).toBeNull();
  });

  it("shows a suppressed figure as its symbol, never as zero, and leaves it out of the spread", async () => {
    const { body } = await profile("DOR-LOC-PURBECK");
    const severe = row(body, "severe-absence");
    expect(severe?.area.latest).toMatchObject({ status: "c", value: null, period: { code: "202425" } });
    expect(severe?.area.rank).toBeNull();
    const figures = await observations("severe-absence", LOCALITIES);
    const withValues = figures.filter((o) => o.period.code === "202425" && o.value !== null);
    expect(severe?.area.spread).toMatchObject({ count: withValues.length, withoutValue: 1 });
    const purbeckBefore = figures.filter((o) => o.areaCode === "DOR-LOC-PURBECK" && o.value !== null).at(-1);
    expect(severe?.area.previous?.value).toBe(purbeckBefore?.value);
  });

  it("ranks a LAG area among the LAG areas of its period and never stitches Portland onto Chesil", async () => {
    const { body } = await profile("DOR-LAG-PORTLAND");
    expect(body.area).toMatchObject({ name: "Portland LAG", validFrom: "2023-10-04", siblingsLabel: "LAG areas" });
    const entries = body.priorities.flatMap((priority) => priority.indicators);
    expect(entries.length).toBeGreaterThan(0);
    // Portland's series starts after the split: an earlier figure would be the Chesil LAG's, and is never used.
    for (const entry of entries) {
      if (!entry.area.previous) continue;
      expect(entry.area.previous.areaCode).toBe("DOR-LAG-PORTLAND");
      expect(entry.area.previous.period.endsOn >= "2023-10-04").toBe(true);
    }
    expect(entries.some((entry) => entry.area.previous === null)).toBe(true);
    const suspensions = row(body, "suspension-rate");
    const figures = await observations("suspension-rate", LAG_AREAS);
    const period = suspensions?.area.latest?.period.code;
    const inPeriod = figures.filter((o) => o.period.code === period && o.value !== null);
    expect(inPeriod.map((o) => o.areaCode)).not.toContain("DOR-LAG-CHESIL");
    expect(suspensions?.area.rank?.of).toBe(inPeriod.length);
  });

  it("gives the Chesil LAG its validity dates and only its own figures", async () => {
    const { body } = await profile("DOR-LAG-CHESIL");
    expect(body.area).toMatchObject({ validTo: "2023-10-03" });
    expect(body.area.note).toContain("Weymouth");
    for (const entry of body.priorities.flatMap((priority) => priority.indicators)) {
      expect(entry.area.latest?.areaCode).toBe("DOR-LAG-CHESIL");
      expect((entry.area.latest?.period.endsOn ?? "") <= "2023-10-03").toBe(true);
    }
  });

  it("puts a second area's figures beside the first", async () => {
    const { status, body } = await profile("DOR-LOC-DORCHESTER", { compare: "DOR-LOC-PURBECK" });
    expect(status).toBe(200);
    expect(body.compareArea).toMatchObject({ code: "DOR-LOC-PURBECK", name: "Purbeck" });
    const alone = await profile("DOR-LOC-PURBECK");
    expect(row(body, "suspension-rate")?.compare).toEqual(row(alone.body, "suspension-rate")?.area);
    expect(row(body, "good-level-of-development")?.compare).toEqual(row(alone.body, "good-level-of-development")?.area);
  });

  it("compares Dorset itself with England", async () => {
    const { body } = await profile(DORSET);
    expect(body.benchmark).toEqual({ code: ENGLAND, name: "England" });
    const figures = await observations("care-leavers-eet-19-21", [DORSET, ENGLAND]);
    const latest = figures.filter((o) => o.areaCode === DORSET).at(-1);
    const england = figures.find((o) => o.areaCode === ENGLAND && o.period.code === latest?.period.code);
    const leavers = row(body, "care-leavers-eet-19-21");
    expect(leavers?.area.latest).toMatchObject({
      value: latest?.value,
      comparison: { verdict: latest?.comparison?.verdict, benchmarkName: "England" },
    });
    expect(leavers?.area.benchmark).toMatchObject({ areaName: "England", value: england?.value });
    // Ranked among the South West's councils with a figure for the period (none but Dorset without the public files).
    const { body: councils } = await call(app, listAreasRoute, { query: { type: "local_authority" } });
    const southWest = councils.filter((area) => area.parentCode === SOUTH_WEST).map((area) => area.code);
    const ranked = (await observations("care-leavers-eet-19-21", southWest)).filter(
      (o) => o.period.code === latest?.period.code && o.value !== null,
    );
    expect(leavers?.area.rank?.of ?? 1).toBe(ranked.length);
    expect(leavers?.area.rank?.label ?? "").toMatch(ranked.length > 1 ? /of \d+ councils in South West$/ : /^$/);
  });

  it("answers 404 for an unknown area and 400 for a bad area to compare with", async () => {
    expect((await profile("NO-SUCH-AREA")).status).toBe(404);
    const unknown = await profile("DOR-LOC-DORCHESTER", { compare: "NO-SUCH-AREA" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ parameter: "compare" });
    expect((await profile("DOR-LOC-DORCHESTER", { compare: "not a code!" })).status).toBe(400);
  });

  it("hides provisional figures from anonymous readers, in the area's figures and its siblings'", async () => {
    const anonymous = await profile("DOR-LOC-DORCHESTER");
    const absence = row(anonymous.body, "overall-absence");
    expect(absence?.area.latest?.period.code).toBe("202324");
    expect(absence?.area.latest?.isProvisional).toBe(false);
    const purbeck = row((await profile("DOR-LOC-PURBECK")).body, "overall-absence");
    expect(purbeck?.area.latest?.period.code).toBe("202425");
    expect(purbeck?.area.spread?.count).toBe(LOCALITIES.length - 1);

    const analyst = await signIn(app, "analyst@example.org");
    const response = await app.inject({ url: "/api/areas/DOR-LOC-DORCHESTER/profile", ...asSignedIn(analyst) });
    const seen = row(response.json(), "overall-absence");
    expect(seen?.area.latest).toMatchObject({ isProvisional: true, period: { code: "202425" } });
  });
});
