/**
 * What a reader waits for: the built SPA's bundle sizes (gzip, as served), and for real pages in
 * Debian's Chromium, time to data (navigation start to the figures on screen) and largest
 * contentful paint, each over cold loads (a fresh browser context: no cache).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium, webDist } from "../support/browser.ts";

export interface BundleReport {
  /** The JavaScript the first page load needs: the entry script and the modules it preloads. */
  initialJsGzip: number;
  files: { name: string; bytes: number; gzip: number; initial: boolean }[];
}

export const BUNDLE_LIMIT_GZIP = 250 * 1024;

export function measureBundle(): BundleReport | null {
  const indexPath = join(webDist, "index.html");
  if (!existsSync(indexPath)) return null;
  const index = readFileSync(indexPath, "utf8");
  const initial = new Set([...index.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]));
  const assets = join(webDist, "assets");
  const files = readdirSync(assets)
    .filter((name) => name.endsWith(".js") || name.endsWith(".css"))
    .map((name) => {
      const content = readFileSync(join(assets, name));
      return { name, bytes: content.length, gzip: gzipSync(content).length, initial: initial.has(name) };
    })
    .sort((a, b) => b.gzip - a.gzip);
  return {
    initialJsGzip: files.filter((file) => file.initial).reduce((sum, file) => sum + file.gzip, 0),
    files,
  };
}

export interface PageTiming {
  label: string;
  path: string;
  runs: number;
  timeToDataMs: number[];
  lcpMs: number[];
}

const LCP_SCRIPT = `new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    resolve(entries[entries.length - 1].startTime);
  }).observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => resolve(-1), 5000);
})`;

export async function measurePages(
  baseUrl: string,
  pages: { label: string; path: string; readySelector: string }[],
  runs: number,
): Promise<PageTiming[]> {
  const browser = await launchChromium();
  try {
    const results: PageTiming[] = [];
    for (const { label, path, readySelector } of pages) {
      const timing: PageTiming = { label, path, runs, timeToDataMs: [], lcpMs: [] };
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${baseUrl}${path}`);
        await page.locator(readySelector).first().waitFor({ timeout: 60_000 });
        timing.timeToDataMs.push(await page.evaluate<number>("performance.now()"));
        timing.lcpMs.push(await page.evaluate<number>(LCP_SCRIPT));
        await context.close();
      }
      results.push(timing);
    }
    return results;
  } finally {
    await browser.close();
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

export function bundleLines(report: BundleReport | null): string[] {
  if (!report) return ["bundle: web/dist is not built (run pnpm build first); sizes not measured"];
  const verdict = report.initialJsGzip <= BUNDLE_LIMIT_GZIP ? "MET" : "MISSED";
  return [
    `initial JavaScript (entry + preloaded modules) ${kib(report.initialJsGzip)} gzip; target at most ${kib(BUNDLE_LIMIT_GZIP)}: ${verdict}`,
    "file                                         raw        gzip   first load",
    ...report.files.map(
      (file) =>
        `${file.name.padEnd(40)} ${kib(file.bytes).padStart(10)} ${kib(file.gzip).padStart(11)}   ${file.initial ? "yes" : ""}`,
    ),
  ];
}

export function pageTimingLines(timings: PageTiming[]): string[] {
  return [
    "page (cold load, Chromium)         median time to data   median LCP   all runs: time to data / LCP (ms)",
    ...timings.map(
      (timing) =>
        `${timing.label.padEnd(34)} ${`${median(timing.timeToDataMs).toFixed(0)} ms`.padStart(19)} ${`${median(timing.lcpMs).toFixed(0)} ms`.padStart(12)}   ` +
        timing.timeToDataMs.map((value, index) => `${value.toFixed(0)}/${timing.lcpMs[index]?.toFixed(0)}`).join(", "),
    ),
  ];
}
