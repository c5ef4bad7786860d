import { type LoadableObservation, loadObservations, queryRows } from "@plan-outcomes/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const PERIOD = {
  type: "reporting_year",
  code: "2025",
  label: "31 March 2025",
  startsOn: "2024-04-01",
  endsOn: "2025-03-31",
} as const;

/** Figures go to the database by COPY, whose text format gives tabs, line breaks and backslashes a meaning. */
const figure = (value: number | null, note: string, file: string): LoadableObservation => ({
  indicatorCode: "care-leavers-eet-19-21",
  area: { code: "E06000059" },
  period: PERIOD,
  breakdown: { dimension: "total", value: "Total" },
  status: value === null ? "c" : "value",
  value,
  numerator: null,
  denominator: null,
  isProvisional: false,
  note,
  location: { file, row: 2 },
});

describe.each(testBackends())("writing figures on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("keeps notes and source locators with tabs, line breaks and backslashes exactly as given", async () => {
    const note = "first\tsecond\nthird\r\\N, \\. and a back\\slash";
    const file = "C:\\data\\care\tleavers.csv";
    const outcome = await database.handle.db.transaction((tx) =>
      loadObservations(
        tx,
        {
          datasetCode: "test-copy-text",
          datasetTitle: "COPY's text format (test)",
          sourceCode: null,
          fileName: "copy.csv",
          fileSha256: "test-copy-text",
          rowCount: 1,
          licence: "",
          note: "",
          createdBy: "test",
        },
        [figure(0.1 + 0.2, note, file)],
      ),
    );
    const [stored] = await queryRows<{ note: string; source_locator: string; value: number; status: string }>(
      database.handle.db,
      sql`select note, source_locator, value, status from observations where dataset_version_id = ${outcome.versionId}`,
    );
    expect(stored).toEqual({ note, source_locator: `${file}, row 2`, value: 0.1 + 0.2, status: "value" });
  });
});
