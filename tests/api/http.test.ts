import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/api.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("the HTTP surface", () => {
  let database: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    app = await buildTestApp(database.handle);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it("publishes an OpenAPI document listing every route", async () => {
    const response = await app.inject({ url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/api/areas",
        "/api/areas/{code}/profile",
        "/api/audit",
        "/api/audit/export",
        "/api/auth/oidc/callback",
        "/api/auth/oidc/start",
        "/api/auth/session",
        "/api/datasets",
        "/api/datasets/{code}/versions/{version}/restore",
        "/api/auth/sign-in",
        "/api/auth/sign-out",
        "/api/boundaries/local-authorities",
        "/api/figure-queries",
        "/api/figure-queries/{id}/answer",
        "/api/health",
        "/api/indicators",
        "/api/indicators/{code}",
        "/api/indicators/{code}/annotations",
        "/api/indicators/{code}/breakdowns",
        "/api/indicators/{code}/commentary",
        "/api/indicators/{code}/comparison",
        "/api/indicators/{code}/observations",
        "/api/indicators/{code}/queries",
        "/api/indicators/{code}/targets",
        "/api/indicators/{code}/template.csv",
        "/api/indicators/{code}/template.xlsx",
        "/api/plans",
        "/api/plans/{plan}/priorities/{priority}",
        "/api/plans/{plan}/summary",
        "/api/reference/{kind}",
        "/api/reference/{kind}/check",
        "/api/reference/{kind}/csv",
        "/api/reference/{kind}/versions",
        "/api/reference/{kind}/versions/{version}/file",
        "/api/reference/{kind}/versions/{version}/restore",
        "/api/tokens",
        "/api/tokens/{id}",
        "/api/uploads",
        "/api/uploads/{id}",
        "/api/uploads/{id}/file",
        "/api/uploads/{id}/publish",
        "/api/uploads/{id}/report.csv",
        "/api/uploads/progress/{key}",
        "/api/users",
      ].sort(),
    );
  });

  it("serves a browsable API documentation page", async () => {
    const response = await app.inject({ url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
  });

  it("sends security headers, an ETag, and compresses large responses", async () => {
    const response = await app.inject({ url: "/api/plans", headers: { "accept-encoding": "gzip" } });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-encoding"]).toBe("gzip");
    const etag = response.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await app.inject({ url: "/api/plans", headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
  });

  it("answers an unknown API route with problem details", async () => {
    const response = await app.inject({ url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ status: 404, title: "Not found" });
  });

  it("never leaks internals when something breaks", async () => {
    await database.handle.close();
    const response = await app.inject({ url: "/api/plans" });
    expect(response.statusCode).toBe(500);
    const body = response.body;
    expect(body).not.toMatch(/select|stack|at .*\.ts/i);
    const health = await app.inject({ url: "/api/health" });
    expect(health.statusCode).toBe(503);
  });
});
