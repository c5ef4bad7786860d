import { AsyncLocalStorage } from "node:async_hooks";
import { statSync } from "node:fs";

/**
 * The steps of checking an upload, in order. A file is read in the steps `columns` (what its columns hold, to
 * tell figures from filters) and `rows` (every row checked and rehearsed); the others do not read it.
 */
export type CheckStep = "workbook" | "columns" | "rows" | "comparing" | "storing";

/** How far a check has got: its step and, while the step reads the file, how much of it has been read. */
export interface CheckProgress {
  step: CheckStep;
  bytesRead: number | null;
  bytes: number | null;
}

interface Followed {
  listener: (progress: CheckProgress) => void;
  step: CheckStep | undefined;
}

// Context rather than a parameter: the readers several layers down report without every layer passing it on.
const followed = new AsyncLocalStorage<Followed>();

/** Runs a check, telling `listener` each step and how much of the file each reading has read. */
export function followCheckProgress<T>(
  listener: (progress: CheckProgress) => void,
  work: () => Promise<T>,
): Promise<T> {
  return followed.run({ listener, step: undefined }, work);
}

/** Marks the start of a step of the check being followed, if any. */
export function enterCheckStep(step: CheckStep): void {
  const context = followed.getStore();
  if (!context) return;
  context.step = step;
  context.listener({ step, bytesRead: null, bytes: null });
}

/**
 * For a reader starting on the file at `path`: where to report how much it has read, while a step of a followed
 * check is under way; otherwise undefined (and the file is not even measured).
 */
export function fileReadReporter(path: string): ((bytesRead: number) => void) | undefined {
  const context = followed.getStore();
  const step = context?.step;
  if (!context || !step) return undefined;
  const bytes = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  return (bytesRead) => context.listener({ step, bytesRead: Math.min(bytesRead, bytes), bytes });
}
