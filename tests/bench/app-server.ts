/**
 * The real app in a process of its own (forked by run.ts): the load generator then does not share
 * the app's event loop, as no client shares a production server's. Reports its address over IPC
 * and closes the app and its database handle when told to, or when the parent goes away.
 */
import { openDatabase } from "@plan-outcomes/db";
import { buildApp } from "@plan-outcomes/server/app";

export type AppMessage = { type: "listening"; address: string } | { type: "failed"; message: string };

const url = process.env.BENCH_APP_DATABASE_URL;
const poolSize = Number(process.env.BENCH_APP_POOL_SIZE ?? 20);
const send = (message: AppMessage) => process.send?.(message);

async function main() {
  if (!url || !process.send) throw new Error("app-server.ts is started by bench/run.ts");
  const handle = await openDatabase({ kind: "postgres", url, poolSize });
  // The built SPA too, when there is one, so the bench can time real pages in a browser.
  const webDist = process.env.BENCH_WEB_DIST;
  const app = await buildApp({ database: handle, logger: false, ...(webDist ? { webDist } : {}) });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      try {
        await app.close();
      } finally {
        await handle.close();
      }
    })().finally(() => process.exit(0));
    return closing;
  };
  process.on("message", (message) => {
    if (message === "close") void close();
  });
  process.on("disconnect", () => void close());
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  send({ type: "listening", address });
}

main().catch((error: unknown) => {
  send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
