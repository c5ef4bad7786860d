import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { testBackends } from "../support/backends.ts";
import { asSignedIn, grant, type SignedIn, signIn } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

type Who = "anonymous" | "viewer" | "localityLead" | "analyst" | "administrator" | "token";
type Expected = "allowed" | 401 | 403;

const everyone = (expected: Expected): Record<Who, Expected> => ({
  anonymous: expected,
  viewer: expected,
  localityLead: expected,
  analyst: expected,
  administrator: expected,
  token: expected,
});
const signedIn: Record<Who, Expected> = { ...everyone("allowed"), anonymous: 401 };
const analystsOnly: Record<Who, Expected> = {
  anonymous: 401,
  viewer: 403,
  localityLead: 403,
  analyst: "allowed",
  administrator: "allowed",
  token: 403,
};
const administratorsOnly: Record<Who, Expected> = {
  anonymous: 401,
  viewer: 403,
  localityLead: 403,
  analyst: 403,
  administrator: "allowed",
  token: 403,
};

/**
 * Every API route and who may call it. A route added without a line here fails the first test:
 * the matrix is the authorisation policy, written down.
 */
const MATRIX: Record<string, Record<Who, Expected>> = {
  "GET /api/health": everyone("allowed"),
  "GET /api/plans": everyone("allowed"),
  "GET /api/plans/:plan/summary": everyone("allowed"),
  "GET /api/plans/:plan/priorities/:priority": everyone("allowed"),
  "GET /api/indicators": everyone("allowed"),
  "GET /api/indicators/:code": everyone("allowed"),
  "GET /api/indicators/:code/observations": everyone("allowed"),
  "GET /api/indicators/:code/comparison": everyone("allowed"),
  "GET /api/indicators/:code/breakdowns": everyone("allowed"),
  "GET /api/indicators/:code/template.csv": everyone("allowed"),
  "GET /api/indicators/:code/template.xlsx": everyone("allowed"),
  "GET /api/areas": everyone("allowed"),
  "GET /api/areas/:code/profile": everyone("allowed"),
  "GET /api/boundaries/local-authorities": everyone("allowed"),
  "GET /api/openapi.json": everyone("allowed"),
  "GET /api/auth/session": everyone("allowed"),
  "POST /api/auth/sign-in": everyone("allowed"),
  "POST /api/auth/sign-out": signedIn,
  // Open by nature; with single sign-on unconfigured they answer 404.
  "GET /api/auth/oidc/start": everyone("allowed"),
  "GET /api/auth/oidc/callback": everyone("allowed"),
  "GET /api/tokens": signedIn,
  "POST /api/tokens": signedIn,
  "DELETE /api/tokens/:id": signedIn,
  "GET /api/indicators/:code/commentary": everyone("allowed"),
  "PUT /api/indicators/:code/commentary": { ...signedIn, viewer: 403, token: 403 },
  "GET /api/indicators/:code/targets": everyone("allowed"),
  "GET /api/indicators/:code/queries": everyone("allowed"),
  "GET /api/indicators/:code/annotations": everyone("allowed"),
  "POST /api/indicators/:code/queries": signedIn,
  "GET /api/figure-queries": analystsOnly,
  "POST /api/figure-queries/:id/answer": analystsOnly,
  "PUT /api/indicators/:code/targets": { ...signedIn, viewer: 403, token: 403 },
  "POST /api/uploads": analystsOnly,
  "GET /api/uploads": analystsOnly,
  "GET /api/uploads/:id": analystsOnly,
  // Answered by its random key alone (404 for a key no check is under): see AccessRule `key`.
  "GET /api/uploads/progress/:key": everyone("allowed"),
  "GET /api/uploads/:id/file": analystsOnly,
  "GET /api/uploads/:id/report.csv": analystsOnly,
  "POST /api/uploads/:id/publish": analystsOnly,
  "GET /api/datasets": everyone("allowed"),
  "POST /api/datasets/:code/versions/:version/restore": analystsOnly,
  "GET /api/reference/:kind": everyone("allowed"),
  "GET /api/reference/:kind/csv": everyone("allowed"),
  "GET /api/reference/:kind/versions": everyone("allowed"),
  "GET /api/reference/:kind/versions/:version/file": analystsOnly,
  "POST /api/reference/:kind/check": analystsOnly,
  "POST /api/reference/:kind": analystsOnly,
  "POST /api/reference/:kind/versions/:version/restore": analystsOnly,
  "GET /api/users": administratorsOnly,
  "POST /api/users": administratorsOnly,
  "GET /api/audit": administratorsOnly,
  "GET /api/audit/export": administratorsOnly,
};

const PARAMS: Record<string, string> = {
  plan: "cypf-2023-2033",
  code: "overall-absence",
  id: "999999",
  version: "999",
  kind: "lookup",
  key: "no-check-is-under-this-key-0123456789",
};

describe.each(testBackends())("the authorisation matrix on %s", (backend) => {
  let database: TestDatabase;
  let app: TestApp;
  const sessions = new Map<Who, SignedIn>();
  let tokenSecret = "";

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    app = await buildTestApp(database.handle);
    await grant(app, "viewer@example.org", "viewer");
    await grant(app, "lead@example.org", "locality_lead", ["DOR-LOC-CHESIL"]);
    await grant(app, "analyst@example.org", "analyst");
    await grant(app, "admin@example.org", "administrator");
    sessions.set("viewer", await signIn(app, "viewer@example.org"));
    sessions.set("localityLead", await signIn(app, "lead@example.org"));
    sessions.set("analyst", await signIn(app, "analyst@example.org"));
    sessions.set("administrator", await signIn(app, "admin@example.org"));
    const created = await app.inject({
      method: "POST",
      url: "/api/tokens",
      payload: { name: "nightly load", expiresInDays: 30 },
      ...asSignedIn(sessions.get("viewer") as SignedIn),
    });
    tokenSecret = (created.json() as { secret: string }).secret;
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it("has a rule in the matrix for every API route, and only for those", () => {
    const apiRoutes = [...app.accessRules.keys()].filter((key) => key.includes(" /api/") && !key.includes("/api/docs"));
    expect(apiRoutes.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("answers every route as the matrix says for each kind of caller", async () => {
    const outcomes: string[] = [];
    // Sign-out ends the sessions the other rows need, so it goes last.
    const rows = Object.entries(MATRIX).sort(
      ([a], [b]) => Number(a.endsWith("sign-out")) - Number(b.endsWith("sign-out")),
    );
    for (const [key, expectations] of rows) {
      const [method, template] = key.split(" ") as [string, string];
      const url = template.replace(/:(\w+)/g, (_, name: string) => PARAMS[name] ?? "x");
      for (const who of Object.keys(expectations) as Who[]) {
        const session = sessions.get(who);
        const response = await app.inject({
          method: method as "GET",
          url,
          ...(who === "token" ? { headers: { authorization: `Bearer ${tokenSecret}` } } : {}),
          ...(session ? asSignedIn(session) : {}),
          ...(method === "POST" || method === "PUT" ? { payload: {} } : {}),
        });
        const actual = response.statusCode === 401 || response.statusCode === 403 ? response.statusCode : "allowed";
        if (actual !== expectations[who])
          outcomes.push(`${key} as ${who}: expected ${expectations[who]}, got ${response.statusCode}`);
      }
    }
    expect(outcomes).toEqual([]);
  });

  it("refuses a route that declares no rule", async () => {
    const bare = await buildTestApp(database.handle);
    bare.get("/api/forgotten", async () => ({ secret: true }));
    await bare.ready();
    const response = await bare.inject({ url: "/api/forgotten" });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ detail: expect.stringContaining("declares no access rule") });
    await bare.close();
  });
});
