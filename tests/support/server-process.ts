import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./oidc-provider.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The real server as its own process, as `npm start` runs it, so a test can kill it outright. */
export async function startServerProcess(env: Record<string, string>) {
  const port = await freePort();
  const child: ChildProcess = spawn(join(root, "server/node_modules/.bin/tsx"), [join(root, "server/src/server.ts")], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      SESSION_SECRET: "a-test-session-secret-of-at-least-32-chars",
      ...env,
      PORT: String(port),
    },
    // Its own process group: SIGKILL reaches tsx and the Node process it runs.
    detached: true,
    stdio: "ignore",
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt === 299) throw new Error("the server process did not start");
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  return {
    baseUrl,
    /** Kills the whole process group; does nothing once the server has exited. */
    kill: (signal: NodeJS.Signals) => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
      const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
      process.kill(-child.pid, signal);
      return exited;
    },
  };
}
