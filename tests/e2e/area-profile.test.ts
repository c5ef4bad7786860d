import { resolve } from "node:path";
import type { AreaProfile } from "@plan-outcomes/server/contract";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchChromium, screenshot, screenshotDir, startSite } from "../support/browser.ts";
import { PASSWORD } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const DORCHESTER_LAG = "DOR-LAG-DORCHESTER";

/** A figure as the tables print it (rates and counts without their unit); fails loudly on a missing value. */
function fixed(value: number | null | undefined, places: number): string {
  if (value === null || value === undefined) throw new Error("expected a value from the API");
  return value.toFixed(places);
}

describe("a LAG chair reads their area's profile in the browser", () => {
  let database: TestDatabase;
  let site: Awaited<ReturnType<typeof startSite>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    // One of Dorchester LAG's figures is suppressed, as small counts are.
    await database.handle.db.execute(sql`
      update observations set status = 'c', value = null, numerator = null, denominator = null
      where superseded_by_version_id is null
        and indicator_id = (select id from indicators where code = 'children-in-need-rate')
        and period_id = (select id from periods where type = 'reporting_year' and code = '2025')
        and area_id = (select id from areas where code = ${DORCHESTER_LAG})`);
    // Its latest overall absence is not yet published: only its chair (and analysts) may see it.
    await database.handle.db.execute(sql`
      update observations set is_provisional = true
      where superseded_by_version_id is null
        and indicator_id = (select id from indicators where code = 'overall-absence')
        and period_id = (select id from periods where type = 'academic_year' and code = '202425')
        and area_id = (select id from areas where code = ${DORCHESTER_LAG})`);
    const { grantAccess } = await import("@plan-outcomes/server/access");
    await grantAccess(
      database.handle.db,
      {
        email: "dorchester.chair@example.org",
        displayName: "Dana Chair",
        role: "locality_lead",
        areaCodes: [DORCHESTER_LAG],
        password: PASSWORD,
      },
      null,
      "",
    );
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

  const apiProfile = async (code: string): Promise<AreaProfile> => {
    const response = await fetch(`${site.baseUrl}/api/areas/${code}/profile`);
    return (await response.json()) as AreaProfile;
  };
  const indicatorRow = (title: string) =>
    page.locator("main tbody tr").filter({ has: page.getByRole("link", { name: title, exact: true }) });

  it("opens the Dorchester LAG profile from the navigation and sees figures matching the API", async () => {
    await page.goto(site.baseUrl);
    await page.getByRole("link", { name: "Area profiles" }).click();
    await page.waitForURL(/\/areas\/E06000059$/);
    await page.locator("main tbody tr").first().waitFor();
    await screenshot(page, "area-profile-dorset");
    await page.getByLabel("Area", { exact: true }).selectOption(DORCHESTER_LAG);
    await page.getByRole("button", { name: "Show profile" }).click();
    await page.waitForURL(new RegExp(`/areas/${DORCHESTER_LAG}$`));
    await page.getByRole("heading", { level: 1, name: "Dorchester LAG" }).waitFor();

    const profile = await apiProfile(DORCHESTER_LAG);
    const suspensions = profile.priorities
      .flatMap((priority) => priority.indicators)
      .find((entry) => entry.indicator.code === "suspension-rate");
    if (!suspensions?.area.latest) throw new Error("no suspension rate for the Dorchester LAG");
    const places = suspensions.indicator.decimalPlaces;
    const row = indicatorRow(suspensions.indicator.title);
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain(suspensions.area.latest.period.label);
    expect(text).toContain(fixed(suspensions.area.latest.value, places));
    expect(text).toContain(fixed(suspensions.area.benchmark?.value, places));
    expect(text).toContain(fixed(suspensions.area.england?.value, places));
    // The column header names the LAG areas; the cell says "4th of 7".
    expect(text).toContain(suspensions.area.rank?.label.replace(` ${profile.area.siblingsLabel}`, "") as string);
    expect(text).toContain("Illustrative");
    const spine = row.getByRole("img");
    await expect(spine.getAttribute("aria-label")).resolves.toContain(
      `Dorchester LAG: ${fixed(suspensions.area.latest.value, places)}`,
    );

    // The public never sees the provisional figure: the row shows the last published period.
    const absence = (await indicatorRow("Overall absence").textContent()) ?? "";
    expect(absence).toContain("2023/24");
    expect(absence).not.toContain("Provisional");

    const childrenInNeed = indicatorRow("Children in need per 10,000 children");
    await expect(childrenInNeed.textContent()).resolves.toContain("Suppressed: a count of fewer than 6");
    await screenshot(page, "area-profile-dorchester-lag");
    await page
      .getByRole("region", { name: "Best education for all", exact: true })
      .screenshot({ path: resolve(screenshotDir, "area-profile-education-table.png") });
  });

  it("finds no accessibility violations on the profile, with its key open", async () => {
    await page.getByText("How to read this profile").click();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("plots two indicators across the LAG areas, with the same figures in a table", async () => {
    const section = page.getByRole("region", { name: "Two measures across the LAG areas" });
    await section.getByLabel("Across (horizontal)").selectOption("suspension-rate");
    await section.getByLabel("Up (vertical)").selectOption("persistent-absence");
    await section.getByRole("button", { name: "Show chart" }).click();
    await page.waitForURL(
      new RegExp(`/areas/${DORCHESTER_LAG}\\?scatterX=suspension-rate&scatterY=persistent-absence$`),
    );
    const table = section.getByRole("table", { name: "Figures in the scatter chart" });
    await table.getByRole("columnheader", { name: /^Suspension rate/ }).waitFor();
    const profile = await apiProfile(DORCHESTER_LAG);
    const entries = profile.priorities.flatMap((priority) => priority.indicators);
    const suspensions = entries.find((entry) => entry.indicator.code === "suspension-rate");
    const persistent = entries.find((entry) => entry.indicator.code === "persistent-absence");
    const dorchester = table.getByRole("row").filter({ hasText: "Dorchester LAG" });
    const text = (await dorchester.textContent()) ?? "";
    expect(text).toContain(fixed(suspensions?.area.latest?.value, suspensions?.indicator.decimalPlaces ?? 0));
    expect(text).toContain(fixed(persistent?.area.latest?.value, persistent?.indicator.decimalPlaces ?? 0));
    // Every LAG area with both figures is a row: as many as were ranked for the indicator with fewer.
    const plotted = Math.min(suspensions?.area.rank?.of ?? 0, persistent?.area.rank?.of ?? 0);
    expect(await table.locator("tbody tr").count()).toBeLessThanOrEqual(plotted);
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(2);
    await expect(section.textContent()).resolves.toContain("Illustrative");
    await section.screenshot({ path: resolve(screenshotDir, "area-profile-scatter.png") });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("keeps the scatter's two indicators in the URL, so a shared link shows them and back and forward restore them", async () => {
    const shared = `${site.baseUrl}/areas/${DORCHESTER_LAG}?scatterX=persistent-absence&scatterY=suspension-rate`;
    await page.goto(shared);
    const section = page.getByRole("region", { name: "Two measures across the LAG areas" });
    const table = section.getByRole("table", { name: "Figures in the scatter chart" });
    await table.getByRole("columnheader", { name: /^Persistent absence/ }).waitFor();
    await expect(section.getByLabel("Across (horizontal)").inputValue()).resolves.toBe("persistent-absence");
    await expect(section.getByLabel("Up (vertical)").inputValue()).resolves.toBe("suspension-rate");

    await section.getByLabel("Across (horizontal)").selectOption("suspension-rate");
    await section.getByLabel("Up (vertical)").selectOption("persistent-absence");
    await section.getByRole("button", { name: "Show chart" }).click();
    await page.waitForURL(/\?scatterX=suspension-rate&scatterY=persistent-absence$/);
    await table.getByRole("columnheader", { name: /^Suspension rate/ }).waitFor();

    await page.goBack();
    await page.waitForURL(shared);
    await table.getByRole("columnheader", { name: /^Persistent absence/ }).waitFor();
    await expect(section.getByLabel("Across (horizontal)").inputValue()).resolves.toBe("persistent-absence");
    await page.goForward();
    await page.waitForURL(/\?scatterX=suspension-rate&scatterY=persistent-absence$/);
    await expect(section.getByLabel("Across (horizontal)").inputValue()).resolves.toBe("suspension-rate");
    await table.getByRole("columnheader", { name: /^Suspension rate/ }).waitFor();

    // Choosing another area keeps the chosen indicators.
    await page.getByLabel("Area", { exact: true }).selectOption("DOR-LAG-PURBECK");
    await page.getByRole("button", { name: "Show profile" }).click();
    await page.waitForURL(/\/areas\/DOR-LAG-PURBECK\?scatterX=suspension-rate&scatterY=persistent-absence$/);
    await page.goto(`${site.baseUrl}/areas/${DORCHESTER_LAG}`);
    await page.getByRole("heading", { level: 1, name: "Dorchester LAG" }).waitFor();
  });

  it("compares with Purbeck LAG through the picker, and the back button restores the single profile", async () => {
    await page.getByLabel("Compare with").selectOption("DOR-LAG-PURBECK");
    await page.getByRole("button", { name: "Show profile" }).click();
    await page.waitForURL(new RegExp(`/areas/${DORCHESTER_LAG}\\?compare=DOR-LAG-PURBECK$`));
    await page.getByRole("columnheader", { name: "Purbeck LAG" }).first().waitFor();
    const purbeck = await apiProfile("DOR-LAG-PURBECK");
    const purbeckSuspensions = purbeck.priorities
      .flatMap((priority) => priority.indicators)
      .find((entry) => entry.indicator.code === "suspension-rate");
    const row = indicatorRow("Suspension rate");
    await expect(row.textContent()).resolves.toContain(
      fixed(purbeckSuspensions?.area.latest?.value, purbeckSuspensions?.indicator.decimalPlaces ?? 0),
    );
    await expect(row.getByRole("img").getAttribute("aria-label")).resolves.toContain("Purbeck LAG:");
    // Every column has its header: the grouped headers span exactly the cells under them.
    const shape = await page
      .locator("main table")
      .first()
      .evaluate((element) => {
        // The tests are compiled without the DOM library: describe the little of a table this reads.
        type Cell = { colSpan: number; rowSpan: number };
        type Row = { cells: ArrayLike<Cell> };
        const table = element as unknown as {
          tHead: { rows: ArrayLike<Row> } | null;
          tBodies: ArrayLike<{ rows: ArrayLike<Row> }>;
        };
        const [top, sub] = Array.from(table.tHead?.rows ?? []);
        const span = (cells: Cell[]) => cells.reduce((sum, cell) => sum + cell.colSpan, 0);
        const topCells = Array.from(top?.cells ?? []);
        return {
          headerColumns: span(topCells),
          groupedColumns: span(topCells.filter((cell) => cell.rowSpan === 1)),
          subHeaders: sub?.cells.length ?? 0,
          bodyColumns: table.tBodies[0]?.rows[0]?.cells.length ?? 0,
        };
      });
    expect(shape.bodyColumns).toBe(shape.headerColumns);
    expect(shape.subHeaders).toBe(shape.groupedColumns);
    await screenshot(page, "area-profile-compare");
    await page
      .getByRole("region", { name: "Best education for all", exact: true })
      .screenshot({ path: resolve(screenshotDir, "area-profile-compare-education-table.png") });
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goBack();
    await page.waitForURL(new RegExp(`/areas/${DORCHESTER_LAG}$`));
    await page.getByRole("heading", { level: 1, name: "Dorchester LAG" }).waitFor();
    expect(await page.getByRole("columnheader", { name: "Purbeck LAG" }).count()).toBe(0);
    await expect(page.getByLabel("Compare with").inputValue()).resolves.toBe("");
  });

  it("opens the Chesil LAG profile and is told it ended when Weymouth and Portland began", async () => {
    await page.getByLabel("Area", { exact: true }).selectOption("DOR-LAG-CHESIL");
    await page.getByRole("button", { name: "Show profile" }).click();
    await page.waitForURL(/\/areas\/DOR-LAG-CHESIL$/);
    const note = page.getByRole("note", { name: "Changes to these areas" });
    await note.waitFor();
    const text = (await note.textContent()) ?? "";
    expect(text).toContain("existed only until 3 October 2023");
    expect(text).toContain("the Portland LAG and the Weymouth LAG");
    expect(text).toContain("never joined");
    await page.locator("main tbody tr").first().waitFor();
    await screenshot(page, "area-profile-chesil-lag");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("reaches a locality's profile from an indicator page and the overview, and sees a disputed figure marked", async () => {
    await page.goto(`${site.baseUrl}/indicators/suspension-rate?areas=DOR-LOC-PURBECK,E06000059`);
    await page.getByRole("link", { name: "Purbeck", exact: true }).first().click();
    await page.waitForURL(/\/areas\/DOR-LOC-PURBECK$/);
    await page.getByRole("heading", { level: 1, name: "Purbeck" }).waitFor();

    await page.goto(`${site.baseUrl}/areas/DOR-LOC-DORCHESTER`);
    const exclusions = indicatorRow("Permanent exclusions");
    await exclusions.waitFor();
    const text = (await exclusions.textContent()) ?? "";
    expect(text).toContain("Disputed");
    expect(text).toContain("5-6");

    await page.goto(`${site.baseUrl}/?area=DOR-LOC-PURBECK`);
    await page.getByRole("link", { name: "Area profile of Purbeck" }).click();
    await page.waitForURL(/\/areas\/DOR-LOC-PURBECK$/);
    await page.getByRole("heading", { level: 1, name: "Purbeck" }).waitFor();
  });

  it("tells the Portland LAG's chair where its figures begin, at tablet width", async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${site.baseUrl}/areas/DOR-LAG-PORTLAND?compare=DOR-LAG-WEYMOUTH`);
    const note = page.getByRole("note", { name: "Changes to these areas" });
    await note.waitFor();
    await expect(note.textContent()).resolves.toContain("began on 4 October 2023");
    await page.locator("main tbody tr").first().waitFor();
    await screenshot(page, "area-profile-portland-tablet");
    await page
      .locator("main .profile-priority")
      .first()
      .screenshot({ path: resolve(screenshotDir, "area-profile-compare-tablet-table.png") });
    // The two areas side by side fit the tablet's width: no table scrolls sideways, nor does the page.
    const containers = page.locator("main .table-scroll:has(.profile-table--compare)");
    expect(await containers.count()).toBeGreaterThan(0);
    const widths = await containers.evaluateAll((elements) =>
      (elements as unknown as { scrollWidth: number; clientWidth: number }[]).map((element) => ({
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
      })),
    );
    for (const { scrollWidth, clientWidth } of widths) expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const documentWidth = await page.evaluate(
      "({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })",
    );
    expect((documentWidth as { scrollWidth: number }).scrollWidth).toBeLessThanOrEqual(
      (documentWidth as { clientWidth: number }).clientWidth,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows the Dorchester LAG's chair their own provisional figure, badged, once signed in", async () => {
    const chairContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const chairPage = await chairContext.newPage();
    await chairPage.goto(`${site.baseUrl}/sign-in?next=/areas/${DORCHESTER_LAG}`);
    await chairPage.getByLabel("Email address", { exact: true }).fill("dorchester.chair@example.org");
    await chairPage.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await chairPage.getByRole("button", { name: "Sign in" }).click();
    await chairPage.waitForURL(new RegExp(`/areas/${DORCHESTER_LAG}$`));
    const absence = chairPage
      .locator("main tbody tr")
      .filter({ has: chairPage.getByRole("link", { name: "Overall absence", exact: true }) });
    await absence.waitFor();
    const text = (await absence.textContent()) ?? "";
    expect(text).toContain("2024/25");
    expect(text).toContain("Provisional");
    await screenshot(chairPage, "area-profile-chair-provisional");
    expect(await accessibilityViolations(chairPage)).toEqual([]);
    await chairContext.close();
  });
});
