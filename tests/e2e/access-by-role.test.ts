import type { Role } from "@plan-outcomes/server/contract";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchChromium, screenshot, startSite } from "../support/browser.ts";
import { PASSWORD } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

interface Person {
  email: string;
  displayName: string;
  role: Role;
  roleInWords: string;
  /** "a viewer", "an analyst". */
  asRole: string;
  areaCodes: string[];
}

const viewer: Person = {
  email: "vera.viewer@example.org",
  displayName: "Vera Viewer",
  role: "viewer",
  roleInWords: "viewer",
  asRole: "a viewer",
  areaCodes: [],
};
const localityLead: Person = {
  email: "lee.lead@example.org",
  displayName: "Lee Lead",
  role: "locality_lead",
  roleInWords: "locality lead",
  asRole: "a locality lead",
  areaCodes: ["DOR-LOC-CHESIL"],
};
const analyst: Person = {
  email: "ana.analyst@example.org",
  displayName: "Ana Analyst",
  role: "analyst",
  roleInWords: "analyst",
  asRole: "an analyst",
  areaCodes: [],
};
const administrator: Person = {
  email: "ada.admin@example.org",
  displayName: "Ada Admin",
  role: "administrator",
  roleInWords: "administrator",
  asRole: "an administrator",
  areaCodes: [],
};
const XSS_NAME = '<img src=x onerror="window.__xss=1">';
const ADMIN_ONLY = "You need to be an administrator to see this page";

describe("people sign in and see what their role allows", () => {
  let database: TestDatabase;
  let site: Awaited<ReturnType<typeof startSite>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    const { grantAccess } = await import("@plan-outcomes/server/access");
    const db = database.handle.db;
    for (const person of [viewer, localityLead, analyst, administrator]) {
      const { email, displayName, role, areaCodes } = person;
      await grantAccess(db, { email, displayName, role, areaCodes, password: PASSWORD }, null, "");
    }
    await grantAccess(
      db,
      { email: "xss@example.org", displayName: XSS_NAME, role: "viewer", areaCodes: [], password: PASSWORD },
      null,
      "",
    );
    site = await startSite(database);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.app.close();
    await database?.dispose();
  });

  /** A fresh browser: no cookies from anyone before. */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  async function signInThroughTheForm(page: Page, person: Person, password = PASSWORD): Promise<void> {
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.getByLabel("Email address", { exact: true }).fill(person.email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  async function expectSignedInAs(page: Page, person: Person): Promise<void> {
    await page.getByText(`Signed in as ${person.displayName} (${person.roleInWords})`).waitFor();
  }

  async function signedInUser(page: Page): Promise<unknown> {
    const session = await page.request.get(`${site.baseUrl}/api/auth/session`);
    return ((await session.json()) as { user: unknown }).user;
  }

  /** What has focus, by its id and text: the tests have no DOM types, so this is said as script text. */
  async function focused(page: Page): Promise<{ id: string; text: string }> {
    return page.evaluate<{ id: string; text: string }>(
      "({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '' })",
    );
  }

  async function expectNoViolations(page: Page): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  async function headingOne(page: Page): Promise<string> {
    const heading = page.getByRole("heading", { level: 1 });
    await heading.waitFor();
    return (await heading.textContent())?.trim() ?? "";
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();
    expect(await signedInUser(page)).toBeNull();
  }

  it("shows the sign-in page with its form, single sign-on and why single sign-on failed", async () => {
    const page = await newPage();
    await page.goto(`${site.baseUrl}/sign-in?error=no-account`);
    expect(await headingOne(page)).toBe("Sign in");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("you have no access to Plan Outcomes yet");
    // A crafted link cannot put its own words on the page: unknown codes get the general message.
    await page.goto(`${site.baseUrl}/sign-in?error=${encodeURIComponent("Call 0800 000 000 to unlock")}`);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).not.toContain("0800");
    const singleSignOn = page.getByRole("link", { name: "Sign in with your organisation account" });
    expect(await singleSignOn.getAttribute("href")).toBe("/api/auth/oidc/start");
    expect(await page.locator("main").textContent()).toContain("works only where your organisation");
    expect(await page.getByRole("banner").getByRole("link", { name: "Sign in" }).count()).toBe(1);
    await screenshot(page, "sign-in");
    await expectNoViolations(page);
  });

  it("sends single sign-on off with the page to come back to, and a viewer signing in with a path off the site lands on the overview", async () => {
    const page = await newPage();
    await page.goto(
      `${site.baseUrl}/sign-in?next=${encodeURIComponent("/areas/DOR-LAG-PURBECK?compare=DOR-LAG-PORTLAND")}`,
    );
    const singleSignOn = page.getByRole("link", { name: "Sign in with your organisation account" });
    expect(await singleSignOn.getAttribute("href")).toBe(
      "/api/auth/oidc/start?next=%2Fareas%2FDOR-LAG-PURBECK%3Fcompare%3DDOR-LAG-PORTLAND",
    );

    await page.goto(`${site.baseUrl}/sign-in?next=${encodeURIComponent("//evil.example/areas")}`);
    expect(await singleSignOn.getAttribute("href")).toBe("/api/auth/oidc/start");
    await signInThroughTheForm(page, viewer);
    await expectSignedInAs(page, viewer);
    await page.waitForURL(`${site.baseUrl}/`);
    await signOut(page);
  });

  for (const person of [viewer, localityLead, analyst]) {
    it(`${person.asRole} signs in, is kept out of the administrators' pages and signs out`, async () => {
      const page = await newPage();
      await page.goto(`${site.baseUrl}/sign-in`);
      await expectNoViolations(page);
      await signInThroughTheForm(page, person);
      await expectSignedInAs(page, person);
      await page.waitForURL(`${site.baseUrl}/`);
      await page.locator("main section[aria-labelledby]").first().waitFor();
      const nav = page.getByRole("navigation", { name: "Main" });
      expect(await nav.getByRole("link", { name: "API tokens" }).count()).toBe(1);
      expect(await nav.getByRole("link", { name: "Users" }).count()).toBe(0);
      expect(await nav.getByRole("link", { name: "Audit trail" }).count()).toBe(0);
      await expectNoViolations(page);

      for (const path of ["/admin/users", "/admin/audit"]) {
        await page.goto(`${site.baseUrl}${path}`);
        expect(await headingOne(page)).toBe(ADMIN_ONLY);
        expect(await page.locator("main").textContent()).toContain(`You are signed in as ${person.asRole}.`);
        expect(await page.getByRole("table").count()).toBe(0);
        await expectNoViolations(page);
      }
      if (person === viewer) await screenshot(page, "admin-only-as-viewer");

      await signOut(page);
    });
  }

  it("an analyst creates an API token for a nightly load, sees its secret once, and revokes it", async () => {
    const page = await newPage();
    await page.goto(`${site.baseUrl}/sign-in?next=${encodeURIComponent("/account/tokens")}`);
    await signInThroughTheForm(page, analyst);
    await page.waitForURL(/\/account\/tokens$/);
    expect(await headingOne(page)).toBe("Your API tokens");
    await page.getByText("You have no API tokens.").waitFor();

    await page.getByLabel("Name").fill("Nightly load");
    await page.getByLabel("Days until it expires").fill("30");
    await page.getByRole("button", { name: "Create token" }).click();
    const secretField = page.getByLabel("Token", { exact: true });
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^po_/);
    expect(await secretField.getAttribute("readonly")).not.toBeNull();
    expect(await page.locator("main").textContent()).toContain("You will not be able to see it again");
    await screenshot(page, "tokens-new-secret");
    await expectNoViolations(page);

    // The secret works as a bearer token, and no page shows it again.
    const withToken = { headers: { authorization: `Bearer ${secret}` } };
    expect((await page.request.get(`${site.baseUrl}/api/tokens`, withToken)).status()).toBe(200);
    await page.getByRole("button", { name: "I have stored it safely" }).click();
    expect(await page.getByLabel("Token", { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    await page.getByRole("button", { name: "Revoke token “Nightly load”" }).click();
    await page.getByRole("heading", { name: "Revoke the token “Nightly load”?" }).waitFor();
    await page.getByRole("button", { name: "Yes, revoke it" }).click();
    await page.getByText("Token “Nightly load” revoked.").waitFor();
    await page.getByRole("table").getByText("Revoked").waitFor();
    expect((await page.request.get(`${site.baseUrl}/api/tokens`, withToken)).status()).toBe(401);
    await expectNoViolations(page);
    await signOut(page);
  });

  describe("an administrator", () => {
    let page: Page;

    beforeAll(async () => {
      page = await newPage();
    });

    it("is asked to sign in on the users page, and comes back to it after signing in", async () => {
      await page.goto(`${site.baseUrl}/admin/users`);
      expect(await headingOne(page)).toBe(ADMIN_ONLY);
      await expectNoViolations(page);
      await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
      await page.waitForURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
      await signInThroughTheForm(page, administrator);
      await expectSignedInAs(page, administrator);
      await page.waitForURL(/\/admin\/users$/);
      expect(await headingOne(page)).toBe("Users and access");
      const nav = page.getByRole("navigation", { name: "Main" });
      expect(await nav.getByRole("link", { name: "Users" }).count()).toBe(1);
      expect(await nav.getByRole("link", { name: "Audit trail" }).count()).toBe(1);
    });

    it("sees every account, a stored script in a name shown as text and never run", async () => {
      const table = page.getByRole("table");
      await table.waitFor();
      const text = (await table.textContent()) ?? "";
      for (const person of [viewer, localityLead, analyst, administrator]) expect(text).toContain(person.email);
      expect(text).toContain(XSS_NAME);
      expect(await table.getByRole("row", { name: /Lee Lead/ }).textContent()).toContain("Chesil");
      expect(await table.locator("img").count()).toBe(0);
      expect(await page.evaluate("typeof window.__xss")).toBe("undefined");
      await screenshot(page, "users");
      await expectNoViolations(page);
    });

    it("is told what to fix when the grant form is incomplete", async () => {
      await page.getByRole("button", { name: "Grant access" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
      await summary.waitFor();
      expect((await focused(page)).text).toContain("There is a problem");
      const summaryText = await summary.textContent();
      expect(summaryText).toContain("Enter the person's email address");
      expect(summaryText).toContain("Choose a role");
      await summary.getByRole("link", { name: "Choose a role" }).click();
      expect((await focused(page)).id).toBe("grant-role");
      await page.getByLabel("Role", { exact: true }).selectOption("locality_lead");
      await page.getByRole("button", { name: "Grant access" }).click();
      await page.getByRole("alert").getByText("Choose at least one locality or LAG area for a locality lead").waitFor();
      await screenshot(page, "users-grant-errors");
      await expectNoViolations(page);
    });

    it("grants access to a new locality lead through the form", async () => {
      await page.getByLabel("Email address", { exact: true }).fill("nia.new@example.org");
      await page.getByLabel("Full name").fill("Nia Newperson");
      await page.getByLabel("Role", { exact: true }).selectOption("locality_lead");
      await page.getByRole("group", { name: "Localities" }).getByLabel("Chesil").check();
      await page.getByLabel("Initial password (optional)").fill("a long enough password");
      await page.getByRole("button", { name: "Grant access" }).click();
      const granted = page.getByRole("status").filter({ hasText: "Access granted" });
      await granted.waitFor();
      expect(await granted.textContent()).toContain("Nia Newperson (nia.new@example.org) is now a locality lead");
      expect((await focused(page)).text).toContain("Access granted");
      await page
        .getByRole("table")
        .getByRole("row", { name: /Nia Newperson/ })
        .waitFor();
      expect(await page.getByLabel("Email address", { exact: true }).inputValue()).toBe("");
    });

    it("finds the grant in the audit trail, filtered, with the same filters in the CSV download", async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
      await page.waitForURL(/\/admin\/audit$/);
      await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
      await page.getByRole("table").waitFor();
      await page.getByLabel("Action starts with").fill("access");
      const today = new Date().toISOString().slice(0, 10);
      await page.getByLabel("From").fill(today);
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.waitForURL(new RegExp(`/admin/audit\\?action=access&from=${today}$`));
      const grantRow = page.getByRole("table").getByRole("row").filter({ hasText: "nia.new@example.org" });
      await grantRow.waitFor();
      const rowText = await grantRow.textContent();
      expect(rowText).toContain("access.grant");
      expect(rowText).toContain("ada.admin@example.org");
      expect(rowText).toContain("role: locality_lead");
      // Times are shown in UTC, the days the date filters use, and the page says so.
      expect(rowText).toMatch(/ at \d\d:\d\d:\d\d UTC/);
      await page.getByRole("columnheader", { name: "When (UTC)" }).waitFor();
      expect(await page.locator("main").textContent()).toContain("Each date filters a whole UTC day");
      // Accounts made before the browser ran were granted by the system, not by anyone signed in.
      expect(await page.getByRole("table").textContent()).toContain("The system");
      expect(await page.getByRole("table").textContent()).not.toContain("sign-in");

      const download = page.getByRole("link", { name: "Download CSV" });
      const href = (await download.getAttribute("href")) ?? "";
      expect(href).toBe(`/api/audit/export?action=access&from=${today}`);
      const csv = await page.request.get(`${site.baseUrl}${href}`);
      expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
      expect(await csv.text()).toContain("nia.new@example.org");
      await screenshot(page, "audit");
      await expectNoViolations(page);
    });

    it("keeps the filters in the address, and explains filters that cannot work", async () => {
      await page.goto(`${site.baseUrl}/admin/audit?action=sign-in`);
      const table = page.getByRole("table");
      await table.waitFor();
      expect(await table.textContent()).toContain("ada.admin@example.org");
      expect(await table.textContent()).not.toContain("access.grant");
      expect(await page.getByLabel("Action starts with").inputValue()).toBe("sign-in");

      await page.goto(`${site.baseUrl}/admin/audit?from=2026-02-30`);
      await page.getByRole("alert").getByText("From must be a real date").waitFor();
      expect(await page.getByRole("table").count()).toBe(0);
      await expectNoViolations(page);
      await signOut(page);
    });
  });

  it("a wrong password shows what went wrong and signs nobody in", async () => {
    const page = await newPage();
    await page.goto(`${site.baseUrl}/sign-in`);
    await signInThroughTheForm(page, administrator, "not the right password");
    const alert = page.getByRole("alert");
    await alert.getByText("Email or password is not right.").waitFor();
    expect((await focused(page)).text).toContain("Email or password is not right.");
    expect(page.url()).toBe(`${site.baseUrl}/sign-in`);
    expect(await page.getByLabel("Password", { exact: true }).inputValue()).toBe("");
    expect(await page.getByRole("banner").getByRole("link", { name: "Sign in" }).count()).toBe(1);
    expect(await page.getByText("Signed in as").count()).toBe(0);
    expect(await signedInUser(page)).toBeNull();
    expect(await page.title()).toMatch(/^Error: Sign in/);
    await screenshot(page, "sign-in-wrong-password");
    await expectNoViolations(page);
  });
});
