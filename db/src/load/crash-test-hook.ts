import { writeFileSync } from "node:fs";

/**
 * Lets the crash test stop a publish half-way, inside its transaction: when
 * PLAN_OUTCOMES_PAUSE_PUBLISH names a file, the publish writes it and waits until the process is
 * killed. Unset (always, outside that test), it does nothing.
 */
export async function pauseHalfWayForCrashTest(): Promise<void> {
  const marker = process.env.PLAN_OUTCOMES_PAUSE_PUBLISH;
  if (!marker) return;
  writeFileSync(marker, String(process.pid));
  await new Promise<never>(() => {});
}
