// `npm test` / `pnpm test`: every suite (unit, API on PGlite and, with TEST_DATABASE_URL, PostgreSQL;
// browser in Chromium), ending with the plain line "N passed, N failed".

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromiumPath, ensureInstalled, ensureWebBuilt, nodeIsSupported, pnpmCommand, root } from "./setup.mjs";

if (!nodeIsSupported()) {
  console.error(`Plan Outcomes needs Node 20.19 or later; this is ${process.version}.`);
  process.exit(1);
}
const pnpm = pnpmCommand();
ensureInstalled(pnpm);
ensureWebBuilt(pnpm);
if (!chromiumPath()) {
  console.error(
    "The browser tests need Chromium: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.",
  );
  process.exit(1);
}

mkdirSync(join(root, "test-results"), { recursive: true });
const report = join(root, "test-results/vitest.json");
const [bin, ...prefix] = pnpm;
const result = spawnSync(
  bin,
  [
    ...prefix,
    "exec",
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);

let passed = 0;
let failed = 0;
try {
  const summary = JSON.parse(readFileSync(report, "utf8"));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests;
  // A suite that failed outside any test (a crashed hook, an import error) still counts as a failure.
  if (result.status !== 0 && failed === 0) failed = Math.max(1, summary.numFailedTestSuites);
} catch {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
