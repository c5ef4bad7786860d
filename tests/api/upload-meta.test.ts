import type { Upload } from "@plan-outcomes/server/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

/** A small Explore Education Statistics file with one column no mapping reads, and its .meta.csv. */
const DATA = [
  "time_period,time_identifier,geographic_level,country_code,country_name,school_phase,pupils_with_bikes",
  "202425,Academic year,National,E92000001,England,Total,41.5",
  "202425,Academic year,National,E92000001,England,Primary,47.25",
].join("\n");
const META = [
  "col_name,col_type,label,indicator_grouping,indicator_unit,filter_hint,filter_grouping_column",
  "school_phase,Filter,School phase,,,,",
  "pupils_with_bikes,Indicator,Pupils who cycle to school,,%,,",
].join("\n");

describe.each(testBackends())("an upload with its .meta.csv on %s", (backend) => {
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

  const upload = async (parts: Record<string, [string, string]>) => {
    const form = new FormData();
    for (const [field, [name, content]] of Object.entries(parts)) form.append(field, new Blob([content]), name);
    const response = await app.inject({ method: "POST", url: "/api/uploads", payload: form, ...asSignedIn(analyst) });
    return { status: response.statusCode, body: response.json() as Upload };
  };

  it("names a new indicator from the .meta.csv sent beside the file, and publishes it with its unit", async () => {
    const { status, body } = await upload({ file: ["bikes.csv", DATA], meta: ["bikes.meta.csv", META] });
    expect(status).toBe(200);
    expect(body.report.status).toBe("ready");
    expect(JSON.stringify(body.report.warnings)).toContain("Pupils who cycle to school");
    const published = await app.inject({
      method: "POST",
      url: `/api/uploads/${body.id}/publish`,
      payload: { acceptWarnings: true, note: "" },
      ...asSignedIn(analyst),
    });
    expect(published.statusCode).toBe(200);
    const indicators = (await app.inject({ url: "/api/indicators?search=cycle" })).json() as {
      code: string;
      title: string;
      unit: string;
    }[];
    expect(indicators).toEqual([expect.objectContaining({ title: "Pupils who cycle to school", unit: "%" })]);
    const code = indicators[0]?.code ?? "";
    const england = (await app.inject({ url: `/api/indicators/${code}/observations?areas=E92000001` })).json();
    expect(england.observations.map((o: { value: number }) => o.value)).toEqual([41.5]);
  });

  it("refuses a file field it does not know, naming it", async () => {
    const { status, body } = await upload({ file: ["bikes.csv", DATA], extra: ["x.csv", "a"] });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain("extra");
  });
});
