import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { buildApp } from "@plan-outcomes/server/app";
import { type Browser, chromium, type Page } from "playwright-core";
import type { TestDatabase } from "./test-database.ts";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const webDist = resolve(repositoryRoot, "web/dist");
export const screenshotDir = resolve(repositoryRoot, "test-results/screenshots");

/** Debian's Chromium, never a downloaded browser. */
export function chromiumExecutable(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The real app (API and built SPA) on a random local port. */
export async function startSite(database: TestDatabase) {
  if (!existsSync(resolve(webDist, "index.html"))) {
    throw new Error("web/dist is missing: build the SPA first (pnpm build, or run the tests through pnpm test)");
  }
  const app = await buildApp({ database: database.handle, webDist });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, baseUrl: address };
}

/** WCAG 2.2 AA rules (axe tags), returning the violations for a readable assertion. */
export async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
  }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true });
}
