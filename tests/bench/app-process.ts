import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { webDist } from "../support/browser.ts";
import type { AppMessage } from "./app-server.ts";

export interface AppProcess {
  baseUrl: string;
  pid: number;
  /** Asks the app to close its server and database handle; kills it if it has not exited in time. */
  stop(): Promise<void>;
}

const entry = fileURLToPath(new URL("./app-server.ts", import.meta.url));

/** Forks app-server.ts (tsx's loader is inherited through execArgv) and waits until it listens. */
export function startAppProcess(databaseUrl: string, poolSize: number): Promise<AppProcess> {
  const child = fork(entry, [], {
    env: {
      ...process.env,
      BENCH_APP_DATABASE_URL: databaseUrl,
      BENCH_APP_POOL_SIZE: String(poolSize),
      ...(existsSync(join(webDist, "index.html")) ? { BENCH_WEB_DIST: webDist } : {}),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send("close");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      void stop().finally(() => reject(new Error(`the app did not start: ${message}`)));
    };
    const timer = setTimeout(() => fail("no address within 60 s"), 60_000);
    child.on("message", (message: AppMessage) => {
      clearTimeout(timer);
      if (message.type === "listening") resolve({ baseUrl: message.address, pid: child.pid ?? -1, stop });
      else fail(message.message);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the app exited before listening (code ${code}, signal ${signal})`));
    });
    child.once("error", (error: Error) => fail(error.message));
  });
}
