// Gets a fresh clone ready to run, needing only Node 20 and npm: pnpm, dependencies, the built SPA.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = "12.21.0";

function hasPnpm() {
  const result = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() === PNPM_VERSION;
}

/** The command that runs pnpm here: the installed one when it is the right version, else npx. */
export function pnpmCommand() {
  return hasPnpm() ? ["pnpm"] : ["npx", "--yes", `pnpm@${PNPM_VERSION}`];
}

export function run(command, args, options = {}) {
  const [bin, ...prefix] = command;
  const result = spawnSync(bin, [...prefix, ...args], { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) {
    throw new Error(`${[bin, ...prefix, ...args].join(" ")} failed with exit code ${result.status ?? result.signal}`);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureInstalled(pnpm) {
  const marker = join(root, "node_modules/.modules.yaml");
  const lockfile = join(root, "pnpm-lock.yaml");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs) return;
  console.log("Installing dependencies...");
  run(pnpm, ["install", "--frozen-lockfile"]);
}

export function ensureWebBuilt(pnpm) {
  const built = join(root, "web/dist/index.html");
  const sources = [join(root, "web/src"), join(root, "server/src/contract")];
  const stale =
    !existsSync(built) ||
    sources.some((dir) => newestMtime(dir) > statSync(built).mtimeMs) ||
    ["index.html", "vite.config.ts"].some(
      (file) => statSync(join(root, "web", file)).mtimeMs > statSync(built).mtimeMs,
    );
  if (!stale) return;
  console.log("Building the web app...");
  run(pnpm, ["--filter", "@plan-outcomes/web", "build"]);
}

export function nodeIsSupported() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  return major > 20 || (major === 20 && minor >= 19);
}

export function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], {
      encoding: "utf8",
    }).trim();
  } catch {
    return null;
  }
}
