import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchChromium, screenshot, screenshotDir, startSite } from "../support/browser.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const INDICATOR = "care-leavers-eet-19-21";

describe("a Board member sees how Dorset's care leavers fare on a map of English councils", () => {
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

  const map = () => page.locator("section[aria-labelledby='la-map-heading']");

  it("draws every council, shaded in bands, with Dorset outlined and labelled", async () => {
    await page.goto(`${site.baseUrl}/indicators/${INDICATOR}`);
    const picture = map().getByRole("img", { name: /^Map of England's \d+ councils/ });
    await picture.waitFor();
    expect(await picture.locator("g.la-map__councils path").count()).toBeGreaterThanOrEqual(150);
    expect(await picture.getAttribute("aria-label")).toMatch(
      /Dorset is outlined and labelled: 62%, better than England/,
    );
    await expect(picture.locator("g.la-map__focus[data-area-code='E06000059'] path").count()).resolves.toBe(2);
    await expect(picture.locator("text").textContent()).resolves.toBe("Dorset");
    const dorset = picture.locator("g.la-map__councils path[data-area-code='E06000059']");
    await expect(dorset.locator("title").textContent()).resolves.toBe("Dorset: 62%, better than England");
    await screenshot(page, "la-map-desktop");
    await map().screenshot({ path: resolve(screenshotDir, "la-map-desktop-section.png") });
  });

  it("names each band's range in words, and the councils with no figure", async () => {
    const legend = map().locator(".la-map__legend li");
    const texts = (await legend.allTextContents()).map((text) => text.trim());
    expect(texts[0]).toMatch(/^Lowest: \d+% to \d+% \(\d+ councils\)$/);
    expect(texts).toContainEqual(expect.stringMatching(/^Highest: \d+% to \d+% \(\d+ councils\)$/));
    expect(texts).toContainEqual(expect.stringMatching(/^No figure \(\d+ councils?\)$/));
    expect(texts.at(-1)).toBe("Dorset, outlined");
    const hatched = await map().locator("path[data-has-figure='false']").count();
    const noFigure = texts.find((text) => text.startsWith("No figure")) ?? "";
    expect(noFigure).toContain(`(${hatched} council`);
  });

  it("shades by comparison with England when asked, and lists the councils of each band", async () => {
    await map().getByLabel("Compared with England").check();
    const texts = await map().locator(".la-map__legend li").allTextContents();
    expect(texts).toContainEqual(expect.stringMatching(/^▲ Better than England \(\d+ councils?\)$/));
    await map().getByText("Councils in each band of the map").click();
    await expect(map().locator(".la-map__band-list").first().textContent()).resolves.toMatch(/Better than England/);
    await expect(map().locator(".details__text").textContent()).resolves.toContain("Dorset");
  });

  it("finds no accessibility violations on the page with the map", async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("sends the reader to every council's figure in the compare-areas table", async () => {
    await map().getByRole("button", { name: "Show every council in the table above" }).click();
    await page.waitForURL(/compare=local_authorities/);
    const link = map().getByRole("link", { name: "The figures are in the compare-areas table above" });
    await expect(link.getAttribute("href")).resolves.toBe("#compare-heading");
    await expect(page.locator("#compare-heading").textContent()).resolves.toBe("Compare areas");
  });

  it("shows the period chosen for comparing councils", async () => {
    await page.goto(`${site.baseUrl}/indicators/${INDICATOR}?compare=local_authorities&comparePeriod=2024`);
    const title = map().locator(".chart-frame__caption .chart-frame__title");
    await expect.poll(() => title.textContent()).toContain("English councils, 31 March 2024");
    await expect(map().getByRole("img").first().getAttribute("aria-label")).resolves.toContain("31 March 2024");
  });

  it("keeps its shape and legend at tablet width", async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    const box = await map().getByRole("img").first().boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect((box?.height ?? 0) / (box?.width ?? 1)).toBeCloseTo(1000 / 842, 1);
    await screenshot(page, "la-map-tablet");
    await map().screenshot({ path: resolve(screenshotDir, "la-map-tablet-section.png") });
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
