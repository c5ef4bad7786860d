import { type LoadableObservation, loadObservations } from "@plan-outcomes/db";
import { getBreakdownsRoute, getObservationsRoute } from "@plan-outcomes/server/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const INDICATOR = "care-leavers-eet-19-21";
const PERIOD = {
  type: "reporting_year",
  code: "2025",
  label: "31 March 2025",
  startsOn: "2024-04-01",
  endsOn: "2025-03-31",
} as const;

/** Care leavers in EET by sex: Dorset's boys close to England's, its girls well above. */
const SPLITS: [area: string, value: string, numerator: number, denominator: number][] = [
  ["E06000059", "Boys", 52, 110],
  ["E06000059", "Girls", 77, 99],
  ["E92000001", "Boys", 9800, 19000],
  ["E92000001", "Girls", 9900, 17500],
];

/**
 * Locality counts by sex (numerators; each of 40 care leavers): Purbeck's 3 boys must go, and with them
 * Purbeck's girls (its total, 28, less 25 girls, would give the boys away) and the next-smallest boys
 * among the localities (Dorchester's 8).
 */
const LOCALITY_SPLITS: [area: string, value: string, numerator: number][] = [
  ["DOR-LOC-PURBECK", "Total", 28],
  ["DOR-LOC-PURBECK", "Boys", 3],
  ["DOR-LOC-PURBECK", "Girls", 25],
  ["DOR-LOC-DORCHESTER", "Total", 30],
  ["DOR-LOC-DORCHESTER", "Boys", 8],
  ["DOR-LOC-DORCHESTER", "Girls", 22],
  ["DOR-LOC-CHESIL", "Total", 35],
  ["DOR-LOC-CHESIL", "Boys", 15],
  ["DOR-LOC-CHESIL", "Girls", 20],
];

describe.each(testBackends())("breakdowns on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    const figures: LoadableObservation[] = SPLITS.map(([area, value, numerator, denominator], index) => ({
      indicatorCode: INDICATOR,
      area: { code: area },
      period: PERIOD,
      breakdown: { dimension: "sex", value },
      status: "value",
      value: Math.round((numerator / denominator) * 1000) / 10,
      numerator,
      denominator,
      isProvisional: false,
      location: { file: "by-sex.csv", row: index + 2 },
    }));
    await database.handle.db.transaction((tx) =>
      loadObservations(
        tx,
        {
          datasetCode: "test-care-leavers-by-sex",
          datasetTitle: "Care leavers by sex (test)",
          sourceCode: null,
          fileName: "by-sex.csv",
          fileSha256: "test",
          rowCount: figures.length,
          licence: "",
          note: "",
          createdBy: "test",
        },
        figures,
      ),
    );
    const localityFigures: LoadableObservation[] = LOCALITY_SPLITS.map(([area, value, numerator], index) => ({
      indicatorCode: INDICATOR,
      area: { code: area },
      period: PERIOD,
      breakdown: value === "Total" ? { dimension: "total", value } : { dimension: "sex", value },
      status: "value",
      value: Math.round((numerator / 40) * 1000) / 10,
      numerator,
      denominator: 40,
      isProvisional: false,
      location: { file: "localities-by-sex.csv", row: index + 2 },
    }));
    await database.handle.db.transaction((tx) =>
      loadObservations(
        tx,
        {
          datasetCode: "test-locality-care-leavers-by-sex",
          datasetTitle: "Care leavers by locality and sex (test)",
          sourceCode: null,
          fileName: "localities-by-sex.csv",
          fileSha256: "test",
          rowCount: localityFigures.length,
          licence: "",
          note: "",
          createdBy: "test",
        },
        localityFigures,
      ),
    );
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it("splits Dorset's figure by sex, each compared with England's figure for the same sex", async () => {
    const { status, body } = await call(app, getBreakdownsRoute, { params: { code: INDICATOR } });
    expect(status).toBe(200);
    expect(body.area.name).toBe("Dorset");
    expect(body.period?.code).toBe("2025");
    expect(body.dimensions.map((split) => split.dimension)).toEqual(["sex"]);
    const [sex] = body.dimensions;
    const byValue = new Map(sex?.observations.map((observation) => [observation.breakdown.value, observation]));
    expect([...byValue.keys()].sort()).toEqual(["Boys", "Girls"]);
    const boys = byValue.get("Boys");
    expect(boys?.numerator).toBe(52);
    expect(boys?.comparison?.benchmarkValue).toBe(51.6);
    // 52 of 110 is 47.3%, interval about 38% to 56.6%: England's boys (51.6%) lie inside it.
    expect(boys?.comparison?.verdict).toBe("similar");
    // 77 of 99 is 77.8%, interval about 68.6% to 84.9%: well above England's girls (56.6%).
    expect(byValue.get("Girls")?.comparison?.verdict).toBe("better");
  });

  it("has no splits where the data has none, and says so by an empty list", async () => {
    const { status, body } = await call(app, getBreakdownsRoute, {
      params: { code: INDICATOR },
      query: { area: "E12000009" },
    });
    expect(status).toBe(200);
    expect(body.dimensions).toEqual([]);
    expect(body.period).toBeNull();
  });

  it("names a period without split figures", async () => {
    const { status, body } = await call(app, getBreakdownsRoute, {
      params: { code: INDICATOR },
      query: { period: "2019" },
    });
    expect(status).toBe(404);
    expect(JSON.stringify(body)).toContain("2019");
  });

  it("hides the other sex too where a locality's total would give a hidden one away, saying why", async () => {
    const { status, body } = await call(app, getBreakdownsRoute, {
      params: { code: INDICATOR },
      query: { area: "DOR-LOC-PURBECK" },
    });
    expect(status).toBe(200);
    const byValue = new Map(
      body.dimensions[0]?.observations.map((observation) => [observation.breakdown.value, observation]),
    );
    expect(byValue.get("Boys")).toMatchObject({ status: "c", value: null, numerator: null, lowerCi: null });
    expect(byValue.get("Boys")?.note).toMatch(/fewer than 6/);
    expect(byValue.get("Girls")).toMatchObject({ status: "c", value: null, numerator: null, denominator: null });
    expect(byValue.get("Girls")?.note).toMatch(/other categories in this breakdown/);
  });

  it("hides the next-smallest locality for the same sex, and leaves a locality with nothing small alone", async () => {
    const { body } = await call(app, getBreakdownsRoute, {
      params: { code: INDICATOR },
      query: { area: "DOR-LOC-DORCHESTER" },
    });
    const byValue = new Map(
      body.dimensions[0]?.observations.map((observation) => [observation.breakdown.value, observation]),
    );
    expect(byValue.get("Boys")?.note).toMatch(/worked out from the total/);
    // Dorchester's boys hidden, its girls would give them away: they go too.
    expect(byValue.get("Girls")?.status).toBe("c");
    const chesil = await call(app, getBreakdownsRoute, {
      params: { code: INDICATOR },
      query: { area: "DOR-LOC-CHESIL" },
    });
    expect(chesil.body.dimensions[0]?.observations.map((observation) => observation.numerator).sort()).toEqual([
      15, 20,
    ]);
  });

  it("hides the same category when it is asked for alone, and never the localities' headline totals", async () => {
    const girls = await call(app, getObservationsRoute, {
      params: { code: INDICATOR },
      query: { areas: "DOR-LOC-PURBECK", periods: "2025", breakdown: "sex:Girls" },
    });
    expect(girls.body.observations[0]).toMatchObject({ status: "c", numerator: null });
    const totals = await call(app, getObservationsRoute, {
      params: { code: INDICATOR },
      query: { areas: "DOR-LOC-PURBECK,DOR-LOC-DORCHESTER,DOR-LOC-CHESIL", periods: "2025" },
    });
    expect(totals.body.observations.map((observation) => observation.numerator)).toEqual([28, 30, 35]);
  });
});
