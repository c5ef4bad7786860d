import { buildApp } from "@plan-outcomes/server/app";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchChromium, screenshot, webDist } from "../support/browser.ts";
import {
  CARE_LEAVERS_ROWS,
  careLeaversTemplate,
  lastRow,
  renderCsv,
  withCell,
  withCells,
  withColumn,
  withRepeatedRow,
} from "../support/corpus.ts";
import { PASSWORD } from "../support/people.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

const analyst = { email: "ana.analyst@example.org", displayName: "Ana Analyst" };
const viewer = { email: "vera.viewer@example.org", displayName: "Vera Viewer" };
const DATASET = "e2e-care-leavers";
const INDICATOR = "care-leavers-eet-19-21";
const INDICATOR_TITLE = "Care leavers aged 19-21 in education, employment or training";
const DORSET = "E06000059";
/** A small limit, so the browser can meet a file that is too large without sending 100 MB. */
const UPLOAD_LIMIT_BYTES = 1024 * 1024;
const ANALYSTS_ONLY = "You need to be an analyst or an administrator to see this page";

const { dorsetEet19to21 } = CARE_LEAVERS_ROWS;
const careLeavers = careLeaversTemplate();

/** Care leavers at 31 March 2025 as DfE published them. */
const firstRelease = renderCsv(careLeavers);
/**
 * A corrected release: Dorset's 19-21 figure goes from 129 of 209 (62%) to 136 (65%), and a row for a council not
 * known before (a warning the analyst must review).
 */
const correctedRelease = (() => {
  const corrected = withCells(careLeavers, dorsetEet19to21, { care_leaver_count: "136", care_leaver_percent: "65" });
  const withNewCouncil = withRepeatedRow(corrected, dorsetEet19to21);
  return renderCsv(
    withCells(withNewCouncil, lastRow(withNewCouncil), {
      new_la_code: "E06000099",
      old_la_code: "899",
      la_name: "Newtown",
    }),
  );
})();
/** A percentage typed with its sign: refused, located at row 13, column care_leaver_percent. */
const malformed = renderCsv(withCell(careLeavers, dorsetEet19to21, "care_leaver_percent", "12%"));

describe("an analyst checks, publishes and rolls back a data file in the browser", () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let baseUrl: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  /** While set, the server holds each upload it receives until this settles: the page's "checking" state stays. */
  let holdUploads: Promise<void> | null = null;
  /** Likewise for publishing: while set, each publish waits for it before it begins. */
  let holdPublishes: Promise<void> | null = null;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    const { grantAccess } = await import("@plan-outcomes/server/access");
    await grantAccess(database.handle.db, { ...analyst, role: "analyst", areaCodes: [], password: PASSWORD }, null, "");
    await grantAccess(database.handle.db, { ...viewer, role: "viewer", areaCodes: [], password: PASSWORD }, null, "");
    app = await buildApp({ database: database.handle, webDist, maxUploadBytes: UPLOAD_LIMIT_BYTES });
    app.addHook("onRequest", async (request) => {
      if (holdUploads && request.method === "POST" && request.url === "/api/uploads") await holdUploads;
      if (holdPublishes && request.method === "POST" && /^\/api\/uploads\/\d+\/publish$/.test(request.url))
        await holdPublishes;
    });
    baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
    page = await newPage();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
    await database?.dispose();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  async function signIn(on: Page, person: { email: string }): Promise<void> {
    await on.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await on.getByLabel("Email address", { exact: true }).fill(person.email);
    await on.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await on.getByRole("button", { name: "Sign in" }).click();
  }

  async function expectNoViolations(on: Page): Promise<void> {
    expect(await accessibilityViolations(on)).toEqual([]);
  }

  async function headingOne(on: Page): Promise<string> {
    const heading = on.getByRole("heading", { level: 1 });
    await heading.waitFor();
    return (await heading.textContent())?.trim() ?? "";
  }

  /** What has focus, said as script text (the tests have no DOM types). */
  async function focusedText(on: Page): Promise<string> {
    return on.evaluate<string>("document.activeElement?.textContent ?? ''");
  }

  /** Dorset's published figure for 2025, read from the API as anyone would. */
  async function dorsetFigure(): Promise<number | null | undefined> {
    const response = await page.request.get(
      `${baseUrl}/api/indicators/${INDICATOR}/observations?areas=${DORSET}&periods=2025`,
    );
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { observations: { value: number | null }[] };
    return body.observations[0]?.value;
  }

  /** A promise the test settles when it is ready: holds a request until the page has been looked at. */
  function gate() {
    let open = () => {};
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    return { open, opened };
  }

  async function uploadCount(): Promise<number> {
    const response = await page.request.get(`${baseUrl}/api/uploads`);
    return ((await response.json()) as unknown[]).length;
  }

  async function chooseFile(name: string, content: string): Promise<void> {
    await page.getByLabel("Upload a file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
  }

  async function uploadAndWaitForReport(): Promise<void> {
    await page.getByRole("button", { name: "Upload and check" }).click();
    await page.waitForURL(/\/uploads\/\d+$/);
    await page.getByText("Upload report").waitFor();
  }

  it("signs in through the form and finds the uploads page in the navigation", async () => {
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent("/uploads")}`);
    await signIn(page, analyst);
    await page.waitForURL(/\/uploads$/);
    // The address changes first; the sign-in page's heading stays until the uploads page's code has loaded.
    await page.getByRole("heading", { level: 1, name: "Data uploads" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Data uploads" }).getAttribute("href")).toBe("/uploads");
    await page.getByText("No file has been uploaded yet.").waitFor();
    await screenshot(page, "uploads-empty");
    await expectNoViolations(page);
  });

  it("is told what to fix when no file is chosen or the dataset code cannot be used", async () => {
    await page.getByLabel("Dataset code (optional)").fill("care leavers/2025");
    await page.getByRole("button", { name: "Upload and check" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor();
    expect(await focusedText(page)).toContain("There is a problem");
    expect(await summary.textContent()).toContain("Choose a file to upload");
    expect(await summary.textContent()).toContain("Dataset code must be 100 characters or fewer");
    await summary.getByRole("link", { name: "Choose a file to upload" }).click();
    expect(await page.evaluate<string>("document.activeElement?.id ?? ''")).toBe("upload-file");
    await screenshot(page, "uploads-form-errors");
    await expectNoViolations(page);
  });

  it("uploads a good file, reads its preview and publishes it as version 1", async () => {
    const before = await dorsetFigure();
    await chooseFile("care-leavers-2025.csv", firstRelease);
    await page.getByText("Chosen: care-leavers-2025.csv").waitFor();
    await page.getByLabel("Dataset code (optional)").fill(DATASET);
    await uploadAndWaitForReport();

    expect(await headingOne(page)).toBe("care-leavers-2025.csv");
    await page.getByRole("heading", { name: "This file is ready to publish" }).waitFor();
    const preview = page.getByRole("region", { name: "What publishing would change" });
    const totals = await preview.locator(".uploads-totals").textContent();
    expect(totals).toMatch(/New/);
    expect(await preview.getByRole("table", { name: "By indicator" }).textContent()).toContain(INDICATOR);
    expect(await page.getByRole("heading", { name: /warnings? to review/ }).count()).toBe(0);
    expect(await page.getByLabel("I have reviewed these warnings").count()).toBe(0);
    await screenshot(page, "upload-report-ready");
    await expectNoViolations(page);

    // Checking published nothing, and kept the exact file.
    expect(await dorsetFigure()).toBe(before);
    const kept = page.getByRole("link", { name: "Download the file as uploaded" });
    expect(await (await page.request.get(`${baseUrl}${await kept.getAttribute("href")}`)).text()).toBe(firstRelease);

    await page.getByLabel("Note for the version history (optional)").fill("DfE release, 31 March 2025");
    // The publish held in the server while the page shows how far it has got, as the server would report it.
    const publishing = gate();
    holdPublishes = publishing.opened;
    const progressUrl = `${baseUrl}/api/uploads/progress/*`;
    await page.route(progressUrl, (route) =>
      route.fulfill({ json: { step: "rows", bytesRead: 30_000, bytes: 100_000 } }),
    );
    try {
      await page.getByRole("button", { name: "Publish" }).click();
      const bar = page.getByRole("progressbar", { name: "Publishing every figure…" });
      await bar.waitFor();
      expect(await bar.getAttribute("value")).toBe("30");
      await page.getByRole("status").filter({ hasText: "Publishing every figure…" }).waitFor({ state: "attached" });
      expect(await page.getByRole("button", { name: "Publishing…" }).isDisabled()).toBe(true);
      await screenshot(page, "upload-publishing");
      await expectNoViolations(page);
    } finally {
      publishing.open();
      holdPublishes = null;
      await page.unroute(progressUrl);
    }
    const outcome = page.getByRole("status").filter({ hasText: "Published as version 1" });
    await outcome.waitFor();
    expect(await focusedText(page)).toContain("Published as version 1");
    expect(await outcome.textContent()).toMatch(/6\s*figures in this version/);
    expect(await page.getByRole("button", { name: "Publish" }).count()).toBe(0);
    expect(await dorsetFigure()).toBe(62);
    await screenshot(page, "upload-published-v1");
    await expectNoViolations(page);
  });

  it("uploads a corrected file, sees the changed figure old and new, and must review its warning to publish", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data uploads" }).click();
    await page.waitForURL(/\/uploads$/);
    const published = page.getByRole("table").getByRole("row").filter({ hasText: "care-leavers-2025.csv" });
    await published.getByText("Published").waitFor();
    expect(await published.textContent()).toContain(analyst.email);
    await screenshot(page, "uploads-list");
    await expectNoViolations(page);

    await chooseFile("care-leavers-2025-corrected.csv", correctedRelease);
    await page.getByLabel("Dataset code (optional)").fill(DATASET);
    await uploadAndWaitForReport();
    await page.getByRole("heading", { name: "This file is ready to publish" }).waitFor();

    const warnings = page.getByRole("region", { name: /1 warning to review/ });
    expect(await warnings.textContent()).toMatch(/local authority area\(s\) not known before were added/);

    // The chart compares old and new, and says so in words too; areas are named once their names arrive.
    const chart = page.getByRole("img", { name: /Dorset, 2025, 62 before, 65 after/ });
    await chart.waitFor();
    expect(await chart.locator(".recharts-bar-rectangle").count()).toBe(2);
    const changes = page.getByRole("table", { name: /changed figure.*old and new/i });
    await changes.getByText(INDICATOR_TITLE).waitFor();
    const dorsetRow = changes.getByRole("row").filter({ hasText: DORSET }).filter({ hasText: INDICATOR });
    const cells = await dorsetRow.getByRole("cell").allTextContents();
    expect(cells.map((cell) => cell.trim())).toEqual([
      `${INDICATOR_TITLE}${INDICATOR}`,
      `Dorset${DORSET}`,
      "2025",
      "62",
      "65",
      "+3",
    ]);
    expect(await changes.getByRole("row").count()).toBe(2);

    // The indicator's chart redrawn on the draft, as its page will draw it; beneath, each figure now and after.
    const draft = page.getByRole("img", { name: `Line chart of Once published: ${INDICATOR_TITLE}`, exact: false });
    await draft.waitFor();
    expect(await draft.getAttribute("aria-label")).toMatch(/Latest figures: Dorset 65% \(31 March 2025\)/);
    expect(await draft.locator(".recharts-line").count()).toBe(3);
    const draftFigures = page.getByRole("table", {
      name: `${INDICATOR_TITLE}: every figure of the chart`,
      exact: false,
    });
    const draftRows = await draftFigures.getByRole("row").all();
    const draftCells = await Promise.all(
      draftRows
        .slice(1, 4)
        .map(async (row) => (await row.getByRole("cell").allTextContents()).map((cell) => cell.trim())),
    );
    expect(draftCells).toEqual([
      ["31 March 2025", "Dorset", "62%", "65%", "Changed"],
      ["31 March 2025", "South West", "56%", "56%", "Unchanged"],
      ["31 March 2025", "England", "54%", "54%", "Unchanged"],
    ]);

    // Without reviewing the warning, publishing is refused on the page, and nothing changes.
    await page.getByRole("button", { name: "Publish" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Confirm that you have reviewed the warnings");
    expect(await focusedText(page)).toContain("There is a problem");
    expect(await dorsetFigure()).toBe(62);
    await screenshot(page, "upload-report-warning-not-reviewed");
    await expectNoViolations(page);

    await summary.getByRole("link", { name: "Confirm that you have reviewed the warnings" }).click();
    await page.getByLabel("I have reviewed these warnings").check();
    await page.getByRole("button", { name: "Publish" }).click();
    const outcome = page.getByRole("status").filter({ hasText: "Published as version 2" });
    await outcome.waitFor();
    expect(await outcome.textContent()).toMatch(/1\s*revised from the previous version/);
    expect(await dorsetFigure()).toBe(65);
    await screenshot(page, "upload-published-v2");
    await expectNoViolations(page);

    // On a phone the report reflows, its tables scrolling on their own.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "upload-published-v2-narrow");
    await expectNoViolations(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("opens the dataset history and restores version 1, recorded as version 3", async () => {
    await page.getByRole("link", { name: `See the history of ${DATASET}` }).click();
    await page.waitForURL(new RegExp(`/datasets/${DATASET}$`));
    await page.getByText("Dataset history").first().waitFor();
    const versions = page.getByRole("table");
    await versions.getByRole("rowheader", { name: "Version 2", exact: true }).waitFor();
    const firstVersion = versions
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Version 1", exact: true }) });
    expect(await firstVersion.textContent()).toContain("DfE release, 31 March 2025");
    const download = firstVersion.getByRole("link", { name: /care-leavers-2025\.csv/ });
    const file = await page.request.get(`${baseUrl}${await download.getAttribute("href")}`);
    expect(await file.text()).toBe(firstRelease);
    await screenshot(page, "dataset-history");
    await expectNoViolations(page);

    await firstVersion.getByRole("button", { name: "Restore this version (1)" }).click();
    const confirmation = page.getByRole("region", { name: "Restore version 1?" });
    await confirmation.waitFor();
    expect(await focusedText(page)).toBe("Restore version 1?");
    // Asking is not restoring.
    expect(await dorsetFigure()).toBe(65);
    await confirmation.getByLabel("Why are you restoring it? (optional)").fill("Correction withdrawn by DfE");
    await screenshot(page, "dataset-history-restore-confirmation");
    await expectNoViolations(page);

    await confirmation.getByRole("button", { name: "Yes, restore version 1" }).click();
    const restored = page.getByRole("status").filter({ hasText: "Version 1 restored" });
    await restored.waitFor();
    expect(await restored.textContent()).toContain("published again as version 3");
    const third = versions.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Version 3/ }) });
    await third.waitFor();
    expect(await third.textContent()).toContain("Restores version 1");
    expect(await third.textContent()).toContain("Current");
    expect(await third.textContent()).toContain("Correction withdrawn by DfE");
    expect(await third.textContent()).toContain("The file of version 1");
    expect(await firstVersion.textContent()).toContain("Replaced");
    expect(await dorsetFigure()).toBe(62);
    await screenshot(page, "dataset-history-restored");
    await expectNoViolations(page);
  });

  it("lists every dataset with its current version", async () => {
    await page.getByRole("link", { name: "All datasets" }).click();
    await page.waitForURL(/\/datasets$/);
    await page.getByRole("heading", { level: 1, name: "Dataset history" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: DATASET });
    await row.waitFor();
    expect((await row.textContent())?.replace(/\s+/g, " ")).toContain("3 of 3");
    await screenshot(page, "datasets");
    await expectNoViolations(page);
  });

  it("drops a malformed file and sees its error located by row, column and reason", async () => {
    await page.goto(`${baseUrl}/uploads`);
    await headingOne(page);
    const dataTransfer = await page.evaluateHandle(
      `(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([${JSON.stringify(malformed)}], "care-leavers-typo.csv", { type: "text/csv" }));
        return transfer;
      })()`,
    );
    await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer });
    await page.getByText("Chosen: care-leavers-typo.csv").waitFor();
    await uploadAndWaitForReport();

    await page.getByRole("heading", { name: "This file was refused" }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "1 problem to fix" }).count()).toBe(1);
    const problems = page.getByRole("table", { name: /problem.* in care-leavers-typo\.csv/i });
    const cells = await problems.getByRole("row").nth(1).getByRole("cell").allTextContents();
    expect(cells.slice(0, 4).map((cell) => cell.trim())).toEqual([
      "care-leavers-typo.csv",
      String(dorsetEet19to21),
      "care_leaver_percent",
      "12%",
    ]);
    expect(cells[4]).toBe("not a number: drop the percent sign and give the figure only");
    const report = page.getByRole("link", { name: "Download the full report (CSV)" });
    const csv = await page.request.get(`${baseUrl}${await report.getAttribute("href")}`);
    expect(await csv.text()).toMatch(/care-leavers-typo\.csv,13,care_leaver_percent,12%/);
    expect(await page.getByRole("button", { name: "Publish" }).count()).toBe(0);
    await page.getByRole("link", { name: "Upload a corrected file" }).waitFor();
    expect(await dorsetFigure()).toBe(62);
    await screenshot(page, "upload-report-refused");
    await expectNoViolations(page);
  });

  it("previews a file bringing a new indicator under the title it will have", async () => {
    await page.goto(`${baseUrl}/uploads`);
    await headingOne(page);
    const withNewColumn = renderCsv(withColumn(careLeavers, "care_leaver_housed_percent", () => "91.5"));
    await chooseFile("care-leavers-housed.csv", withNewColumn);
    await page.getByLabel("Dataset code (optional)").fill(DATASET);
    await uploadAndWaitForReport();
    await page.getByRole("heading", { name: "This file is ready to publish" }).waitFor();

    // Nothing has published the new indicator yet: its title comes with the preview.
    const byIndicator = page.getByRole("table", { name: "By indicator" });
    const newRow = byIndicator.getByRole("row").filter({ hasText: "care-leaver-housed-percent" });
    expect((await newRow.getByRole("rowheader").textContent())?.trim()).toMatch(
      /^Care leaver housed percent\s*ees-care-leaver-housed-percent$/,
    );
    await screenshot(page, "upload-report-new-indicator");
    await expectNoViolations(page);
  });

  it("previews a new indicator given only by a filter on its first breakdown, named as such", async () => {
    await page.goto(`${baseUrl}/uploads`);
    await headingOne(page);
    const lines = [
      "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,la_name,pupil_sex,girls_and_boys_rate",
    ];
    for (const sex of ["Girls", "Boys"]) {
      const rate = sex === "Boys" ? "10.5" : "20.5";
      lines.push(`202324,Academic year,National,E92000001,England,,,,,${sex},${rate}`);
      lines.push(
        `202324,Academic year,Local authority,E92000001,England,E12000009,South West,E06000059,Dorset,${sex},${rate}`,
      );
    }
    await chooseFile("girls-and-boys.csv", `${lines.join("\n")}\n`);
    await uploadAndWaitForReport();
    await page.getByRole("heading", { name: "This file is ready to publish" }).waitFor();

    const title = "Girls and boys rate (Pupil sex: Boys)";
    const draft = page.getByRole("img", { name: `Line chart of Once published: ${title}`, exact: false });
    await draft.waitFor();
    const draftFigures = page.getByRole("table", { name: `${title}: every figure of the chart`, exact: false });
    const rows = await draftFigures.getByRole("row").all();
    const cells = await Promise.all(
      rows.slice(1).map(async (row) => (await row.getByRole("cell").allTextContents()).map((cell) => cell.trim())),
    );
    expect(cells).toEqual([
      ["2023/24", "Dorset", "None", "10.5", "New"],
      ["2023/24", "England", "None", "10.5", "New"],
    ]);
    await screenshot(page, "upload-report-breakdown-chart");
    await expectNoViolations(page);
  });

  it("names the sheet of a workbook to read, and is told the workbook's sheets when the name is wrong", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Notes").addRow(["Figures for July are on the next sheet"]);
    const figures = book.addWorksheet("July");
    figures.addRow(["indicator", "area", "period", "value"]);
    figures.addRow(["early-help-requests", "DOR-LOC-PURBECK", "2026-07", 33]);
    const workbook = {
      name: "early-help.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    };
    await page.goto(`${baseUrl}/uploads`);
    await headingOne(page);
    expect(await page.getByLabel("Sheet (optional)").count()).toBe(0);
    await page.getByLabel("Upload a file").setInputFiles(workbook);
    await page.getByLabel("Sheet (optional)").fill("Jly");
    await screenshot(page, "uploads-workbook-sheet");
    await expectNoViolations(page);
    await uploadAndWaitForReport();
    await page.getByRole("heading", { name: "This file was refused" }).waitFor();
    expect(await page.locator("main").textContent()).toContain(
      'the workbook has no sheet named "Jly" (its sheets: Notes, July)',
    );
    await screenshot(page, "upload-report-unknown-sheet");

    await page.goto(`${baseUrl}/uploads`);
    await headingOne(page);
    await page.getByLabel("Upload a file").setInputFiles(workbook);
    await page.getByLabel("Sheet (optional)").fill("July");
    await uploadAndWaitForReport();
    await page.getByRole("heading", { name: "This file is ready to publish" }).waitFor();
  });

  it("sees the transfer in a progress bar, then the check step by step, each announced", async () => {
    await page.goto(`${baseUrl}/uploads`);
    await headingOne(page);
    // Hold the upload in the browser, then in the server, each until the page has been looked at: no race with a
    // fast local server.
    const sending = gate();
    const checking = gate();
    holdUploads = checking.opened;
    const uploads = `${baseUrl}/api/uploads`;
    await page.route(uploads, async (route) => {
      if (route.request().method() === "POST") await sending.opened;
      await route.continue();
    });
    try {
      await chooseFile("held.csv", malformed);
      await page.getByRole("button", { name: "Upload and check" }).click();
      const bar = page.getByRole("progressbar", { name: "Sending held.csv" });
      await bar.waitFor();
      expect(await bar.getAttribute("max")).toBe("100");
      expect(Number(await bar.getAttribute("value"))).toBeLessThan(100);
      await page.getByRole("status").filter({ hasText: "Sending held.csv" }).waitFor({ state: "attached" });
      expect(await page.getByRole("button", { name: "Upload and check" }).isDisabled()).toBe(true);
      expect(await page.getByRole("button", { name: "Cancel upload" }).count()).toBe(1);
      await screenshot(page, "uploads-sending");
      await expectNoViolations(page);

      sending.open();
      const check = page.getByRole("progressbar", { name: "Checking the file…" });
      await check.waitFor();
      // No value: the bar is indeterminate until the server says how far its check has got (it is holding the
      // request, so its check has not begun).
      expect(await check.getAttribute("value")).toBeNull();
      await page
        .getByRole("status")
        .filter({ hasText: "held.csv sent. Checking the file…" })
        .waitFor({ state: "attached" });
      expect(await page.getByRole("button", { name: "Cancel upload" }).count()).toBe(0);
      await screenshot(page, "uploads-checking");
      await expectNoViolations(page);

      // The check under way, as the server reports it (the API tests follow a real one): a step reading the file.
      const progressUrl = `${baseUrl}/api/uploads/progress/*`;
      const asked: string[] = [];
      const cookies: string[] = [];
      await page.route(progressUrl, async (route) => {
        asked.push(new URL(route.request().url()).pathname);
        cookies.push((await route.request().allHeaders()).cookie ?? "");
        return route.fulfill({ json: { step: "rows", bytesRead: 42_000, bytes: 100_000 } });
      });
      const rows = page.getByRole("progressbar", { name: "Checking every row…" });
      await rows.waitFor();
      expect(await rows.getAttribute("value")).toBe("42");
      expect(await rows.getAttribute("max")).toBe("100");
      await page.getByText("42% of the file read.").waitFor();
      await page
        .getByRole("status")
        .filter({ hasText: "held.csv sent. Checking every row…" })
        .waitFor({ state: "attached" });
      // The page asks by the key it sent with the file: 32 hexadecimal digits.
      expect(asked[0]).toMatch(/^\/api\/uploads\/progress\/[0-9a-f]{32}$/);
      // The key is the credential: the signed-in analyst's session cookie stays behind, so on the embedded
      // database the answer never waits for the check's connection to look the session up.
      expect(new Set(cookies)).toEqual(new Set([""]));
      await screenshot(page, "uploads-checking-rows");
      await expectNoViolations(page);
      await page.unroute(progressUrl);
    } finally {
      sending.open();
      checking.open();
      holdUploads = null;
    }
    await page.waitForURL(/\/uploads\/\d+$/);
    await page.getByRole("heading", { name: "This file was refused" }).waitFor();
    await page.unroute(uploads);
  });

  it("cancels a file while it is being sent, and nothing is checked", async () => {
    await page.goto(`${baseUrl}/uploads`);
    await headingOne(page);
    const before = await uploadCount();
    const sending = gate();
    const uploads = `${baseUrl}/api/uploads`;
    await page.route(uploads, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      await sending.opened;
      // The page has cancelled it by now: if it had not, the file would reach the server and be counted below.
      return route.continue().catch(() => {});
    });
    try {
      await chooseFile("cancelled.csv", malformed);
      await page.getByRole("button", { name: "Upload and check" }).click();
      await page.getByRole("progressbar", { name: "Sending cancelled.csv" }).waitFor();
      await page.getByRole("button", { name: "Cancel upload" }).click();
      await page.getByText("Upload cancelled. Nothing was checked or published.").waitFor();
      expect(await page.getByRole("button", { name: "Upload and check" }).isEnabled()).toBe(true);
      expect(await page.getByRole("progressbar").count()).toBe(0);
      await expectNoViolations(page);
    } finally {
      sending.open();
    }
    await page.unroute(uploads);
    expect(await uploadCount()).toBe(before);
    expect(page.url()).toBe(`${baseUrl}/uploads`);
  });

  it("is told the file's size and the limit when a file is too large", async () => {
    await page.goto(`${baseUrl}/uploads`);
    await headingOne(page);
    const big = `${firstRelease}${"x".repeat(UPLOAD_LIMIT_BYTES + 512 * 1024)}`;
    await chooseFile("everything.csv", big);
    await page.getByRole("button", { name: "Upload and check" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "The file was not checked" });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("This file is 1.5 MB; the limit is 1 MB.");
    expect(await focusedText(page)).toContain("The file was not checked");
    expect(page.url()).toBe(`${baseUrl}/uploads`);
    await screenshot(page, "uploads-too-large");
    await expectNoViolations(page);
  });

  it("a viewer has no uploads link and is told the page is for analysts", async () => {
    const viewerPage = await newPage();
    await viewerPage.goto(`${baseUrl}/sign-in`);
    await signIn(viewerPage, viewer);
    await viewerPage.getByText(`Signed in as ${viewer.displayName} (viewer)`).waitFor();
    const nav = viewerPage.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "API tokens" }).waitFor();
    expect(await nav.getByRole("link", { name: "Data uploads" }).count()).toBe(0);
    for (const path of ["/uploads", "/uploads/1", "/datasets", `/datasets/${DATASET}`]) {
      await viewerPage.goto(`${baseUrl}${path}`);
      expect(await headingOne(viewerPage)).toBe(ANALYSTS_ONLY);
      expect(await viewerPage.locator("main").textContent()).toContain("You are signed in as a viewer.");
      expect(await viewerPage.getByLabel("Upload a file").count()).toBe(0);
      await expectNoViolations(viewerPage);
    }
    await screenshot(viewerPage, "uploads-as-viewer");
  });

  it("someone not signed in is sent to sign in, and comes back to the uploads page", async () => {
    const anonymous = await newPage();
    await anonymous.goto(`${baseUrl}/uploads`);
    expect(await headingOne(anonymous)).toBe(ANALYSTS_ONLY);
    expect(
      await anonymous.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data uploads" }).count(),
    ).toBe(0);
    await expectNoViolations(anonymous);
    await anonymous.getByRole("main").getByRole("link", { name: "Sign in" }).click();
    await anonymous.waitForURL(/\/sign-in\?next=%2Fuploads$/);
    await signIn(anonymous, analyst);
    await anonymous.waitForURL(/\/uploads$/);
    expect(await headingOne(anonymous)).toBe("Data uploads");
  });
});
