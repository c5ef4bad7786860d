import { buildApp } from "@plan-outcomes/server/app";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchChromium, screenshot, webDist } from "../support/browser.ts";
import { PASSWORD } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const analyst = { email: "rita.reference@example.org", displayName: "Rita Reference" };

describe("an analyst keeps the Family Hub list, and a LAG chair sees it on the area profile", () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    const { grantAccess } = await import("@plan-outcomes/server/access");
    await grantAccess(database.handle.db, { ...analyst, role: "analyst", areaCodes: [], password: PASSWORD }, null, "");
    app = await buildApp({ database: database.handle, webDist });
    baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.dispose();
  });

  async function expectNoViolations(): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  async function currentHubsCsv(): Promise<string> {
    const response = await page.request.get(`${baseUrl}/api/reference/family_hubs/csv`);
    return response.text();
  }

  it("shows the Portland LAG's profile with its locality's hubs and the illustrative deprivation note", async () => {
    await page.goto(`${baseUrl}/areas/DOR-LAG-PORTLAND`);
    const hubs = page.getByRole("region", { name: "Family Hubs" });
    await hubs.waitFor();
    expect(await hubs.textContent()).toContain("Family Hub Online");
    expect(await hubs.textContent()).toContain("No Family Hub site or outreach point recorded as open");
    await screenshot(page, "reference-portland-profile-before");
    await expectNoViolations();
  });

  it("plots the localities against deprivation by default, said to be illustrative, with a table", async () => {
    await page.goto(`${baseUrl}/areas/DOR-LOC-CHESIL`);
    const scatter = page.getByRole("region", { name: "Two measures across the localities" });
    await scatter.getByRole("table", { name: "Figures in the scatter chart" }).waitFor();
    expect(await scatter.getByLabel("Across (horizontal)").inputValue()).toBe("imd-2019-rank");
    const text = (await scatter.textContent()) ?? "";
    expect(text).toContain("Deprivation: average IMD 2019 rank of its LSOAs (illustrative)");
    expect(text).toContain("Illustrative: LSOAs placed by their 2011 district's name");
    const rows = await scatter.getByRole("table", { name: "Figures in the scatter chart" }).getByRole("row").count();
    expect(rows).toBe(7);
    await scatter.scrollIntoViewIfNeeded();
    await screenshot(page, "reference-chesil-deprivation-scatter");
    await expectNoViolations();
    await scatter.getByRole("link", { name: "How deprivation is built" }).click();
    await page.getByRole("heading", { level: 2, name: "Deprivation of a locality" }).waitFor();
    await expectNoViolations();
  });

  it("refuses a Family Hub list with a located problem, then publishes a corrected one", async () => {
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent("/reference-data/family-hubs")}`);
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.getByLabel("Email address", { exact: true }).fill(analyst.email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Family Hubs" }).waitFor();
    await page.getByRole("cell", { name: "FH-FERNDOWN" }).waitFor();
    await expectNoViolations();

    const csv = (await currentHubsCsv()).trimEnd();
    const badRow = "FH-PORTLAND,Portland Family Hub,hub,DOR-LOC-CHESIL,DOR-LAG-PORTLAND,2025-09-01,,,";
    await page
      .getByLabel("Family Hubs file")
      .setInputFiles({ name: "hubs.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv}\n${badRow}\n`) });
    await page.getByRole("button", { name: "Check the file" }).click();
    const refused = page.getByRole("heading", { name: /hubs\.csv was refused: 1 problem/ });
    await refused.waitFor();
    const problems = page.getByRole("table", { name: "Problems in hubs.csv" });
    expect(await problems.textContent()).toContain("kind is site, outreach or online");
    await screenshot(page, "reference-hubs-refused");
    await expectNoViolations();

    const goodRow = badRow.replace(",hub,", ",site,");
    await page
      .getByLabel("Family Hubs file")
      .setInputFiles({ name: "hubs-v2.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv}\n${goodRow}\n`) });
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("heading", { name: "hubs-v2.csv passed every check" }).waitFor();
    expect(await page.getByRole("table", { name: "What publishing would change" }).textContent()).toContain(
      "Portland Family Hub",
    );
    await page.getByLabel("Note for the history (optional)").fill("Portland hub opened in September 2025");
    await screenshot(page, "reference-hubs-preview");
    await expectNoViolations();
    await page.getByRole("button", { name: "Publish this version" }).click();
    await page.getByRole("heading", { name: /Published as version 2/ }).waitFor();
    await page.getByRole("cell", { name: "Portland hub opened in September 2025" }).waitFor();
    await screenshot(page, "reference-hubs-published");
    await expectNoViolations();
  });

  it("shows the new hub on the Portland LAG's profile", async () => {
    await page.goto(`${baseUrl}/areas/DOR-LAG-PORTLAND`);
    const hubs = page.getByRole("region", { name: "Family Hubs" });
    await hubs.getByRole("rowheader", { name: /Portland Family Hub/ }).waitFor();
    expect(await hubs.textContent()).toContain("1 dedicated site open");
    expect(await hubs.textContent()).toContain("Open since 1 September 2025");
    await screenshot(page, "reference-portland-profile-after");
  });

  it("restores the first version, and the hub leaves the profile again", async () => {
    await page.goto(`${baseUrl}/reference-data/family-hubs`);
    await page.getByRole("button", { name: "Restore version 1" }).click();
    await page.getByRole("heading", { name: "Restore version 1?" }).waitFor();
    await expectNoViolations();
    await page.getByRole("button", { name: "Yes, restore version 1" }).click();
    await page.getByText("Version 1 was restored as version 3.").waitFor();
    expect(await currentHubsCsv()).not.toContain("FH-PORTLAND");
    await page.goto(`${baseUrl}/areas/DOR-LAG-PORTLAND`);
    const hubs = page.getByRole("region", { name: "Family Hubs" });
    await hubs.waitFor();
    expect(await hubs.textContent()).not.toContain("Portland Family Hub");
  });

  it("shows the locality lookup, badged illustrative, on its own tab", async () => {
    await page.goto(`${baseUrl}/reference-data/lookup`);
    await page.getByRole("heading", { level: 1, name: "Locality lookup" }).waitFor();
    await page.getByText("Illustrative: replace with the real list").waitFor();
    const kinds = page.getByRole("navigation", { name: "Kinds of reference data" });
    expect(await kinds.getByRole("link", { name: "Locality lookup" }).getAttribute("aria-current")).toBe("page");
    await screenshot(page, "reference-lookup");
    await expectNoViolations();
  });
});
