import { buildApp } from "@plan-outcomes/server/app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, freePort, startOidcProvider } from "../support/oidc-provider.ts";
import { grant } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("signing in with an organisation account (OpenID Connect)", () => {
  let database: TestDatabase;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let appUrl: string;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${appUrl}/api/auth/oidc/callback`);
    app = await buildApp({
      database: database.handle,
      access: {
        oidc: {
          issuer: provider.issuer,
          clientId: "plan-outcomes",
          clientSecret: "plan-outcomes-test-secret",
          redirectUri: `${appUrl}/api/auth/oidc/callback`,
          scopes: "openid email profile",
          allowHttp: true,
        },
      },
    });
    await app.listen({ port, host: "127.0.0.1" });
    await grant(app, "chair@example.org", "locality_lead", ["DOR-LOC-PURBECK"]);
  });
  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await database?.dispose();
  });

  /** Walks the provider's own login and consent pages as a person would, until it sends us back. */
  async function signInAtProvider(jar: CookieJar, login: string, next?: string): Promise<Response> {
    const start = next === undefined ? "" : `?${new URLSearchParams({ next })}`;
    let response = await jar.fetch(`${appUrl}/api/auth/oidc/start${start}`);
    expect(response.status).toBe(302);
    let location = response.headers.get("location") as string;
    expect(location.startsWith(provider.issuer)).toBe(true);
    for (let step = 0; step < 12 && location.startsWith(provider.issuer); step++) {
      response = await jar.fetch(location);
      if (response.status === 200) {
        const page = await response.text();
        const form = page.includes('value="login"')
          ? new URLSearchParams({ prompt: "login", login, password: "any" })
          : new URLSearchParams({ prompt: "consent" });
        response = await jar.fetch(location, {
          method: "POST",
          body: form,
          headers: { "content-type": "application/x-www-form-urlencoded" },
        });
      }
      location = new URL(response.headers.get("location") as string, location).href;
    }
    expect(location.startsWith(`${appUrl}/api/auth/oidc/callback`)).toBe(true);
    return jar.fetch(location);
  }

  it("signs in a person an administrator has granted, and links their account", async () => {
    const jar = new CookieJar();
    const callback = await signInAtProvider(jar, "chair@example.org");
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe("/");
    const session = await jar.fetch(`${appUrl}/api/auth/session`);
    expect(await session.json()).toMatchObject({ user: { email: "chair@example.org", role: "locality_lead" } });
  });

  it("refuses someone with no granted account, saying why", async () => {
    const jar = new CookieJar();
    const callback = await signInAtProvider(jar, "stranger@example.org");
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe("/sign-in?error=no-account");
    const session = await jar.fetch(`${appUrl}/api/auth/session`);
    expect(await session.json()).toEqual({ user: null, csrfToken: null });
  });

  it("returns to the page the person came from", async () => {
    const jar = new CookieJar();
    const callback = await signInAtProvider(jar, "chair@example.org", "/areas/DOR-LOC-PURBECK?compare=DOR-LOC-CHESIL");
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe("/areas/DOR-LOC-PURBECK?compare=DOR-LOC-CHESIL");
  });

  it("returns to the overview, never to another site, when the page to return to is not a path here", async () => {
    for (const next of ["//evil.example", "https://evil.example/", "/\\evil.example"]) {
      const jar = new CookieJar();
      const callback = await signInAtProvider(jar, "chair@example.org", next);
      expect(callback.headers.get("location"), next).toBe("/");
    }
  });

  it("keeps the page to return to when refusing, so trying again still returns there", async () => {
    const jar = new CookieJar();
    const callback = await signInAtProvider(jar, "stranger@example.org", "/admin/users");
    expect(callback.headers.get("location")).toBe("/sign-in?error=no-account&next=%2Fadmin%2Fusers");
  });

  it("refuses a callback that was not started here", async () => {
    const response = await fetch(`${appUrl}/api/auth/oidc/callback?code=forged&state=forged`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/sign-in?error=expired");
  });
});
