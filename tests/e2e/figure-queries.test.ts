import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchChromium, screenshot, startSite } from "../support/browser.ts";
import { PASSWORD } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const CHAIR = { email: "pat.chair@example.org", displayName: "Pat Chair" };
const ANALYST = { email: "ana.analyst@example.org", displayName: "Ana Analyst" };
const INDICATOR_URL = "/indicators/care-leavers-eet-19-21?areas=E06000059,DOR-LOC-PURBECK,E92000001";

describe("a LAG chair queries a figure and an analyst answers it", () => {
  let database: TestDatabase;
  let site: Awaited<ReturnType<typeof startSite>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    const { grantAccess } = await import("@plan-outcomes/server/access");
    const db = database.handle.db;
    await grantAccess(
      db,
      { ...CHAIR, role: "locality_lead", areaCodes: ["DOR-LOC-PURBECK"], password: PASSWORD },
      null,
      "",
    );
    await grantAccess(db, { ...ANALYST, role: "analyst", areaCodes: [], password: PASSWORD }, null, "");
    site = await startSite(database);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.app.close();
    await database?.dispose();
  });

  async function signedInPage(person: { email: string; displayName: string }, path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}/sign-in?next=${encodeURIComponent(path)}`);
    await page.getByLabel("Email address", { exact: true }).fill(person.email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("banner").getByText(`Signed in as ${person.displayName}`).waitFor();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
    return page;
  }

  it("lets the chair query Dorset's latest figure, which then shows as queried in the table and the CSV", async () => {
    const page = await signedInPage(CHAIR, INDICATOR_URL);
    await page.getByRole("heading", { name: "Queries about these figures" }).waitFor();
    await page.getByText("Query a figure").click();
    const form = page.getByRole("form", { name: "Query a figure" });
    await form.getByLabel("Area").selectOption({ label: "Dorset" });
    await form.getByLabel("Period").selectOption({ label: "31 March 2025" });
    await form.getByLabel("What do you think is wrong?").fill("Our leaving-care team counts fewer in EET.");
    await form.getByLabel(/What do you think the figure should be/).fill("58 to 60");
    await form.getByRole("button", { name: "Send query" }).click();
    await page.getByText("Your query about Dorset, 31 March 2025 has been sent to the analysts.").waitFor();

    const query = page.locator(".figure-query").filter({ hasText: "Our leaving-care team counts fewer in EET." });
    await query.waitFor();
    expect(await query.textContent()).toContain("Open query");
    const row = page.getByRole("row", { name: /31 March 2025 Dorset/ });
    await expect.poll(() => row.textContent()).toContain("Queried");
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "indicator-queried");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /Download this table/ }).click();
    const csv = await readFile((await (await download).path()) ?? "", "utf8");
    const dorsetLine = csv.split("\r\n").find((line) => line.startsWith("31 March 2025,Dorset"));
    expect(dorsetLine).toContain("Queried");
  });

  it("lets the analyst answer it, and the answer stays beside the figure", async () => {
    const page = await signedInPage(ANALYST, "/figure-queries");
    await page.getByRole("heading", { level: 1, name: "Figure queries" }).waitFor();
    const form = page.getByRole("form", { name: "Answer the query about Dorset" });
    await form.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "figure-queries");
    await form.getByLabel("Answer").fill("DfE counts care leavers around their birthday; the 62% is right.");
    await form.getByRole("button", { name: "Send answer" }).click();
    await page.getByText("There are no open queries.").waitFor();

    await page.goto(`${site.baseUrl}${INDICATOR_URL}`);
    const query = page.locator(".figure-query").filter({ hasText: "Our leaving-care team counts fewer in EET." });
    await query.waitFor();
    expect(await query.textContent()).toContain("Answered: the figure stands");
    expect(await query.textContent()).toContain("the 62% is right");
    const row = page.getByRole("row", { name: /31 March 2025 Dorset/ });
    expect(await row.textContent()).not.toContain("Queried");
  });

  it("lets the analyst enter a target, shown in the targets table and on the overview", async () => {
    const page = await signedInPage(ANALYST, INDICATOR_URL);
    await page.getByText("Set a target").click();
    const form = page.getByRole("form", { name: "Set a target" });
    await form.getByLabel("Area").selectOption({ label: "Dorset" });
    await form.getByLabel("By (period code)").fill("2028");
    await form.getByLabel(/^Target/).fill("70");
    await form.getByLabel("Baseline (optional)").fill("62");
    await form.getByRole("button", { name: "Save target" }).click();
    await page.getByText("Target for Dorset by 31 March 2028 saved.").waitFor();
    const targets = page.getByRole("table", { name: /Targets and baselines/ });
    expect(await targets.textContent()).toContain("70%");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(site.baseUrl);
    const card = page.locator(".headline").filter({ hasText: "Care leavers aged 19-21 in education" }).first();
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Target for 31 March 2028\s*70%.*Not yet met/);
  });
});
