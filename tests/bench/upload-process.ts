/**
 * The upload stage in a process of its own (forked by run.ts): its peak memory is then the upload's
 * alone, not the load generator's or the HTTP stage's. Reports progress and the result over IPC.
 */
import { benchOptions } from "./options.ts";
import { runUploadBench, type UploadBenchResult } from "./upload.ts";

export type UploadMessage =
  | { type: "log"; line: string }
  | { type: "done"; result: UploadBenchResult }
  | { type: "failed"; message: string };

const send = (message: UploadMessage) =>
  new Promise<void>((resolve) => {
    process.send?.(message, () => resolve());
  });

async function main() {
  if (!process.send) throw new Error("upload-process.ts is started by bench/run.ts");
  const result = await runUploadBench(benchOptions(), (line) => void send({ type: "log", line }));
  await send({ type: "done", result });
}

main()
  .catch(async (error: unknown) => {
    await send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
  })
  .finally(() => process.disconnect?.());
