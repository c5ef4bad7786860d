import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchChromium, screenshot, screenshotDir, startSite } from "../support/browser.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("a Board member reviews the Plan in the browser", () => {
  let database: TestDatabase;
  let site: Awaited<ReturnType<typeof startSite>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    site = await startSite(database);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.app.close();
    await database?.dispose();
  });

  it("sees the seven priorities of the current Plan with real figures", async () => {
    await page.goto(site.baseUrl);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/Plan/);
    const priorities = page.locator("main section[aria-labelledby]");
    await priorities.first().waitFor();
    const titles = await page.getByRole("heading", { level: 2 }).allTextContents();
    for (const title of [
      "Best start in life",
      "Young and thriving",
      "Good care provision",
      "Best education for all",
      "Best place to live",
      "Local family help",
      "Safe at home and in the community",
    ]) {
      expect(titles.map((text) => text.trim())).toContain(title);
    }
    expect(await priorities.count()).toBe(7);
    const care = priorities.filter({ has: page.getByRole("heading", { name: "Good care provision" }) });
    await expect(care.textContent()).resolves.toContain("62%");
    await expect(care.textContent()).resolves.toMatch(/Better than England/);
    await screenshot(page, "overview");
  });

  it("finds no accessibility violations on the overview", async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("reviews a priority: every indicator in one table with rank, neighbours and verdict", async () => {
    await page.goto(site.baseUrl);
    await page.getByRole("link", { name: "Every indicator of Best education for all" }).click();
    await page.waitForURL(/\/priorities\/best-education-for-all/);
    await page.getByRole("heading", { level: 1, name: "Best education for all", exact: true }).waitFor();
    const table = page.getByRole("table");
    await table.waitFor();
    const headers = await table.locator("thead th").allTextContents();
    expect(headers).toEqual(
      expect.arrayContaining(["Dorset", "England", "Statistical neighbours (median)", "Compared with England"]),
    );
    const absence = table.getByRole("row", { name: /Persistent absence/ });
    // The rank cell, as the API gives it: "Nth of M (… quartile)".
    await expect(absence.textContent()).resolves.toMatch(
      /\d+(st|nd|rd|th) of \d{3} \((top|second|third|bottom) quartile\)/,
    );
    await expect(page.locator("main").textContent()).resolves.toContain("A rank is not a statistical test");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download this table (CSV)" }).click();
    const csv = await readFile((await (await download).path()) ?? "", "utf8");
    const csvLines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(csvLines).toHaveLength((await table.locator("tbody tr").count()) + 1);
    expect(csvLines[0]).toContain("Rank among English councils (not a statistical test)");
    const absenceLine = csvLines.find((line) => line.startsWith("Persistent absence"));
    const rankText = (await absence.locator("td").nth(-2).textContent()) ?? "missing";
    expect(absenceLine).toContain(rankText);
    await screenshot(page, "priority-best-education");
  });

  it("finds no accessibility violations on the priority page", async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows the priority for a locality, shareable by its URL", async () => {
    await page.getByLabel("Area", { exact: true }).selectOption({ label: "Purbeck" });
    await page.getByRole("button", { name: "Show area" }).click();
    await page.waitForURL(/area=DOR-LOC-PURBECK/);
    await expect.poll(() => page.locator(".caption-l").textContent()).toContain("Purbeck");
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("area="));
    await expect.poll(() => page.locator(".caption-l").textContent()).toContain("Dorset");
  });

  it("prints the board pack: one A4 page per priority, each with the date and data version", async () => {
    await page.goto(site.baseUrl);
    await page.getByRole("link", { name: /Board pack/ }).click();
    await page.waitForURL(/\/board-pack/);
    const pages = page.locator("section.board-pack__page");
    await pages.first().waitFor();
    expect(await pages.count()).toBe(7);
    const response = await fetch(`${site.baseUrl}/api/plans/cypf-2023-2033/summary`);
    const summary = (await response.json()) as { dataVersion: { version: number } };
    for (const text of await pages.allTextContents()) {
      expect(text).toContain(`Data version ${summary.dataVersion.version}`);
      expect(text).toMatch(/Printed \d{1,2} \w+ \d{4}/);
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "board-pack");

    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    await writeFile(resolve(screenshotDir, "board-pack.pdf"), pdf);
    // Cover, then each priority starts a new page.
    const pageCount = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pageCount).toBeGreaterThanOrEqual(8);
  });

  it("reads the Plan as it stood at the end of an earlier year", async () => {
    await page.goto(site.baseUrl);
    await page.getByLabel("Figures as at").selectOption({ label: "The end of 2023" });
    await page.getByRole("button", { name: "Show figures" }).click();
    await page.waitForURL(/asOf=2023/);
    const care = page.locator("main section[aria-labelledby]").filter({
      has: page.getByRole("heading", { name: "Good care provision" }),
    });
    await expect.poll(() => care.textContent()).toContain("31 March 2023");
    await expect(care.textContent()).resolves.not.toContain("31 March 2025");
  });

  it("reads the methodology and accessibility statement without accessibility violations", async () => {
    await page.getByRole("link", { name: "Methodology" }).first().click();
    await page.waitForURL(/\/methodology/);
    await page.getByRole("heading", { name: "How the figures are compared" }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain("Wilson score interval");
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "methodology");
    await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click();
    await page.waitForURL(/\/accessibility/);
    await page.getByRole("heading", { name: /Accessibility statement/ }).waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Accessibility statement");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("opens an indicator with its chart, definition and table alternative", async () => {
    await page.goto(site.baseUrl);
    await page
      .getByRole("link", { name: "Care leavers aged 19-21 in education, employment or training" })
      .first()
      .click();
    await page.waitForURL(/\/indicators\/care-leavers-eet-19-21/);
    // The URL changes before the lazily loaded page replaces the overview: wait for its heading.
    await page.getByRole("heading", { level: 1, name: /Care leavers aged 19-21/ }).waitFor();
    const table = page.getByRole("table").first();
    await table.waitFor();
    const text = await table.textContent();
    expect(text).toContain("31 March 2025");
    expect(text).toContain("62");
    expect(text).toContain("54.98");
    await expect(page.locator("main").textContent()).resolves.toContain("All care leavers aged 19-21");
    await page.locator(".recharts-surface").first().waitFor();
    // Dorset's, the South West's and England's intervals as shaded bands under the lines.
    expect(await page.locator(".recharts-area-area").count()).toBe(3);
    await screenshot(page, "indicator-care-leavers");
  });

  it("finds no accessibility violations on the indicator page", async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("compares Dorset with its statistical neighbours, whiskers where intervals exist", async () => {
    await page.goto(`${site.baseUrl}/indicators/care-leavers-eet-19-21`);
    const table = page.getByRole("table", { name: /Dorset and its statistical neighbours/ });
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(5);
    await expect(table.textContent()).resolves.toContain("Dorset");
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    expect(await page.locator(".recharts-errorBar").count()).toBeGreaterThan(5);
    await screenshot(page, "compare-neighbours");
    // The seeded files publish this indicator unsplit: the page says so rather than showing an empty table.
    const breakdowns = page.locator("section", { has: page.getByRole("heading", { name: "Breakdowns" }) });
    await expect.poll(() => breakdowns.textContent()).toContain("are not split by sex");
  });

  it("switches the comparison to Dorset's localities, kept in the URL", async () => {
    await page.goto(`${site.baseUrl}/indicators/persistent-absence`);
    await page.getByRole("table", { name: /Dorset and its statistical neighbours/ }).waitFor();
    await page.getByLabel("Areas", { exact: true }).selectOption({ label: "Dorset's localities" });
    await page.getByRole("button", { name: "Compare" }).click();
    await page.waitForURL(/compare=localities/);
    const localities = page.getByRole("table", { name: /Dorset's localities/ });
    await localities.waitFor();
    await expect(localities.textContent()).resolves.toMatch(/(Better|Similar|Worse) than Dorset/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "compare-localities");
    await page.goBack();
    await page.getByRole("table", { name: /Dorset and its statistical neighbours/ }).waitFor();
  });
});
