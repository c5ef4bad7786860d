import { type LoadableObservation, loadObservations } from "@plan-outcomes/db";
import { getObservationsRoute } from "@plan-outcomes/server/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

// Care leavers aged 19-21 in EET: DfE's rule hides counts of 1 to 5 (the indicator's threshold).
const INDICATOR = "care-leavers-eet-19-21";
const PERIOD = "2026";

/** Counts for each Dorset locality in one year: Purbeck's 3 must go, and so must the next smallest. */
const COUNTS: Record<string, [numerator: number, denominator: number]> = {
  "DOR-LOC-CHESIL": [30, 50],
  "DOR-LOC-DORCHESTER": [12, 20],
  "DOR-LOC-EAST-DORSET": [40, 60],
  "DOR-LOC-NORTH-DORSET": [25, 45],
  "DOR-LOC-PURBECK": [3, 8],
  "DOR-LOC-WEST-DORSET": [33, 50],
};

describe.each(testBackends())("small-number suppression on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    const figures: LoadableObservation[] = Object.entries(COUNTS).map(([area, [numerator, denominator]], index) => ({
      indicatorCode: INDICATOR,
      area: { code: area },
      period: {
        type: "reporting_year",
        code: PERIOD,
        label: "31 March 2026",
        startsOn: "2025-04-01",
        endsOn: "2026-03-31",
      },
      breakdown: { dimension: "total", value: "Total" },
      status: "value",
      value: Math.round((numerator / denominator) * 100),
      numerator,
      denominator,
      isProvisional: false,
      location: { file: "localities.csv", row: index + 2 },
    }));
    await database.handle.db.transaction((tx) =>
      loadObservations(
        tx,
        {
          datasetCode: "test-locality-care-leavers",
          datasetTitle: "Care leavers by locality (test)",
          sourceCode: null,
          fileName: "localities.csv",
          fileSha256: "test",
          rowCount: figures.length,
          licence: "",
          note: "",
          createdBy: "test",
        },
        figures,
      ),
    );
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const observe = async (areas: string[]) => {
    const { status, body } = await call(app, getObservationsRoute, {
      params: { code: INDICATOR },
      query: { areas: areas.join(","), periods: PERIOD },
    });
    expect(status).toBe(200);
    return body.observations;
  };

  it("hides a small count and the rate built on it, saying why", async () => {
    const [purbeck] = await observe(["DOR-LOC-PURBECK"]);
    expect(purbeck).toMatchObject({ status: "c", value: null, numerator: null, denominator: null, lowerCi: null });
    expect(purbeck?.note).toMatch(/fewer than 6/);
  });

  it("hides the next-smallest locality too, even when it is asked for alone", async () => {
    const [dorchester] = await observe(["DOR-LOC-DORCHESTER"]);
    expect(dorchester).toMatchObject({ status: "c", value: null, numerator: null });
    expect(dorchester?.note).toMatch(/worked out from the total/);
  });

  it("leaves every other locality and the council's own figures alone", async () => {
    const observations = await observe(Object.keys(COUNTS));
    const shown = observations.filter((observation) => observation.status === "value");
    expect(shown.map((observation) => observation.areaCode).sort()).toEqual([
      "DOR-LOC-CHESIL",
      "DOR-LOC-EAST-DORSET",
      "DOR-LOC-NORTH-DORSET",
      "DOR-LOC-WEST-DORSET",
    ]);
    for (const observation of shown) expect(observation.numerator).toBe(COUNTS[observation.areaCode]?.[0]);
    // Published council figures are DfE's own, already protected at source: never hidden again.
    const [dorset] = await call(app, getObservationsRoute, {
      params: { code: INDICATOR },
      query: { areas: "E06000059", periods: "2025" },
    }).then(({ body }) => body.observations);
    expect(dorset?.value).toBe(62);
  });
});
