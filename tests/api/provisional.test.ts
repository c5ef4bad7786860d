import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const CHESIL = "DOR-LOC-CHESIL";
const DORCHESTER = "DOR-LOC-DORCHESTER";

describe.each(testBackends())("who reads provisional figures on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  const people = new Map<string, SignedIn>();

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    // Two locality figures for 2024/25 become provisional (not yet published).
    await database.handle.db.execute(sql`
      update observations set is_provisional = true
      where superseded_by_version_id is null
        and indicator_id = (select id from indicators where code = 'overall-absence')
        and period_id = (select id from periods where type = 'academic_year' and code = '202425')
        and area_id in (select id from areas where code in (${CHESIL}, ${DORCHESTER}))`);
    await grant(app, "viewer@example.org", "viewer");
    await grant(app, "chesil.chair@example.org", "locality_lead", [CHESIL]);
    await grant(app, "analyst@example.org", "analyst");
    for (const email of ["viewer@example.org", "chesil.chair@example.org", "analyst@example.org"]) {
      people.set(email, await signIn(app, email));
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const provisionalAreasSeenBy = async (email: string | null) => {
    const who = email ? people.get(email) : undefined;
    const response = await app.inject({
      url: `/api/indicators/overall-absence/observations?areas=${CHESIL},${DORCHESTER}&periods=202425`,
      ...(who ? asSignedIn(who) : {}),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { observations: { areaCode: string; isProvisional: boolean }[] };
    return body.observations.filter((row) => row.isProvisional).map((row) => row.areaCode);
  };

  it("hides provisional figures from the public and from viewers", async () => {
    expect(await provisionalAreasSeenBy(null)).toEqual([]);
    expect(await provisionalAreasSeenBy("viewer@example.org")).toEqual([]);
  });

  it("shows a locality lead their own locality's provisional figures only", async () => {
    expect(await provisionalAreasSeenBy("chesil.chair@example.org")).toEqual([CHESIL]);
  });

  it("shows analysts every provisional figure", async () => {
    expect(await provisionalAreasSeenBy("analyst@example.org")).toEqual([CHESIL, DORCHESTER]);
  });
});
