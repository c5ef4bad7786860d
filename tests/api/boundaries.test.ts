import { readFileSync } from "node:fs";
import { join } from "node:path";
import { migrateDatabase, openDatabase, queryRows } from "@plan-outcomes/db";
import { seedDatabase, seedOptionsFromEnv } from "@plan-outcomes/seeds";
import { getLocalAuthorityBoundariesRoute } from "@plan-outcomes/server/contract";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const DORSET = "E06000059";

/** The codes in the boundary file the seed read: the test needs the public data folder, as the seed test does. */
function boundaryFileCodes(): string[] {
  const dataDir = seedOptionsFromEnv(process.env).dataDir;
  if (!dataDir) throw new Error("the public data folder is needed for this test");
  const collection = JSON.parse(readFileSync(join(dataDir, "ctyua_2023_buc.geojson"), "utf8")) as {
    features: { properties: { code: string } }[];
  };
  return collection.features.map((feature) => feature.properties.code);
}

describe.each(testBackends())("council boundaries for the map on %s", (backend) => {
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

  const boundaries = () => call(app, getLocalAuthorityBoundariesRoute);

  it("returns one outline for every council in the boundary file", async () => {
    const { status, body } = await boundaries();
    expect(status).toBe(200);
    const codes = body.areas.map((area) => area.code);
    expect(codes.sort()).toEqual(boundaryFileCodes().sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("draws Dorset with a non-empty path and a label inside the viewBox", async () => {
    const { body } = await boundaries();
    const dorset = body.areas.find((area) => area.code === DORSET);
    expect(dorset?.name).toBe("Dorset");
    expect(dorset?.path).toMatch(/^M[\d.]+ [\d.]+l.+z/);
    expect(dorset?.label.x).toBeGreaterThan(0);
    expect(dorset?.label.x).toBeLessThan(body.viewBox.width);
    expect(dorset?.label.y).toBeGreaterThan(0);
    expect(dorset?.label.y).toBeLessThan(body.viewBox.height);
    for (const area of body.areas) expect(area.path, area.code).toMatch(/^M[-\d. ]+l[-\d. ]+z/);
  });

  it("names only councils the database knows as local authorities", async () => {
    const { body } = await boundaries();
    const known = await queryRows<{ code: string }>(
      database.handle.db,
      sql`select code from areas where type = 'local_authority'`,
    );
    const knownCodes = new Set(known.map((row) => row.code));
    expect(body.areas.filter((area) => !knownCodes.has(area.code))).toEqual([]);
  });

  it("lets browsers keep it for a day and revalidate by ETag", async () => {
    const first = await boundaries();
    expect(first.headers["cache-control"]).toBe("public, max-age=86400");
    const etag = String(first.headers.etag);
    expect(etag).not.toBe("undefined");
    const again = await app.inject({ url: getLocalAuthorityBoundariesRoute.url, headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
  });

  it("sends it compressed, well under 150 KB", async () => {
    const response = await app.inject({
      url: getLocalAuthorityBoundariesRoute.url,
      headers: { "accept-encoding": "gzip" },
    });
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.rawPayload.length).toBeLessThan(150 * 1024);
  });
});

describe("council boundaries without the public files", () => {
  it("seeds no outline and says so, and the API answers an empty set", async () => {
    const handle = await openDatabase({ kind: "pglite", dataDir: "memory" });
    try {
      await migrateDatabase(handle);
      const messages: string[] = [];
      await seedDatabase(handle.db, { dataDir: null, illustrative: false, log: (message) => messages.push(message) });
      expect(messages).toContainEqual(expect.stringMatching(/^boundaries: skipped/));
      const app = await buildTestApp(handle);
      try {
        const { status, body } = await call(app, getLocalAuthorityBoundariesRoute);
        expect(status).toBe(200);
        expect(body.areas).toEqual([]);
      } finally {
        await app.close();
      }
    } finally {
      await handle.close();
    }
  });
});
