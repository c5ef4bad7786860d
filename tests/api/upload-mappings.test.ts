import type { Upload } from "@plan-outcomes/server/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

/** A school survey's column: the percentage of pupils who cycle to school, by phase. */
const SURVEY = [
  "time_period,time_identifier,geographic_level,country_code,country_name,school_phase,pupils_with_bikes",
  "202425,Academic year,National,E92000001,England,Total,41.5",
].join("\n");
/** Another publisher's file, shaped differently, whose column of the same name counts pupils given a bike. */
const SCHEME = [
  "time_period,time_identifier,geographic_level,country_code,country_name,pupils_with_bikes,schools_taking_part",
  "202425,Academic year,National,E92000001,England,120000,2400",
].join("\n");

describe.each(testBackends())("mappings saved by layout on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  let analyst: SignedIn;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    await grant(app, "analyst@example.org", "analyst");
    analyst = await signIn(app, "analyst@example.org");
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const uploadAndPublish = async (fileName: string, content: string, dataset: string) => {
    const form = new FormData();
    form.append("file", new Blob([content]), fileName);
    form.append("dataset", dataset);
    const response = await app.inject({ method: "POST", url: "/api/uploads", payload: form, ...asSignedIn(analyst) });
    const upload = response.json() as Upload;
    expect(upload.report.problems).toEqual([]);
    const published = await app.inject({
      method: "POST",
      url: `/api/uploads/${upload.id}/publish`,
      payload: { acceptWarnings: true, note: "" },
      ...asSignedIn(analyst),
    });
    expect(published.statusCode).toBe(200);
    return upload;
  };
  const bikeIndicators = async () =>
    (
      (await app.inject({ url: "/api/indicators?search=pupils%20with%20bikes" })).json() as {
        code: string;
        unit: string;
      }[]
    ).sort((a, b) => a.code.length - b.code.length);
  const england = async (code: string) =>
    (
      (await app.inject({ url: `/api/indicators/${code}/observations?areas=E92000001` })).json() as {
        observations: { value: number | null }[];
      }
    ).observations.map((observation) => observation.value);

  it("reads a column of the same name in two layouts as two indicators, each file's figures under its own", async () => {
    await uploadAndPublish("cycling-survey.csv", SURVEY, "cycling-survey");
    const scheme = await uploadAndPublish("bike-scheme.csv", SCHEME, "bike-scheme");
    expect(JSON.stringify(scheme.report.warnings)).toContain("ees-pupils-with-bikes-");

    const [survey, given] = await bikeIndicators();
    expect(survey).toMatchObject({ code: "ees-pupils-with-bikes", unit: "" });
    expect(given?.code).toMatch(/^ees-pupils-with-bikes-[0-9a-f]{8}$/);
    expect(given?.unit).toBe("count");
    expect(await england(survey?.code ?? "")).toEqual([41.5]);
    expect(await england(given?.code ?? "")).toEqual([120000]);
  });

  it("reuses each layout's own mapping when a file of that layout comes again, in any column order", async () => {
    const [header = "", row = ""] = SCHEME.split("\n");
    const reordered = (line: string) => {
      const cells = line.split(",");
      return [...cells.slice(5), ...cells.slice(0, 5)].join(",");
    };
    const again = await uploadAndPublish("bike-scheme-2.csv", `${reordered(header)}\n${reordered(row)}`, "bike-scheme");
    expect(again.report.warnings.map((warning) => warning.kind)).not.toContain("new-indicator");
    const survey = await uploadAndPublish("cycling-survey-2.csv", SURVEY, "cycling-survey");
    expect(survey.report.warnings.map((warning) => warning.kind)).not.toContain("new-indicator");
    expect(await bikeIndicators()).toHaveLength(2);
  });
});
