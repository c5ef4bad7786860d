import { type CheckProgress, followCheckProgress } from "@plan-outcomes/db";
import type { CheckProgress as CheckProgressAnswer } from "../../contract/index.ts";

/**
 * Checks (and publishes) under way, by the random key their uploader chose, so the uploader's browser can ask how
 * far one has got while its request is still waiting for the answer. The key is the only credential: answering
 * looks nobody up in the database, whose one embedded connection the check itself may hold. Kept in this
 * process's memory: a check is only ever followed by the process running it, and an entry goes when its check ends.
 */
export class CheckProgressRegistry {
  private readonly checks = new Map<string, { progress: CheckProgressAnswer | null }>();

  /** Runs `check`, recording its progress under `key`; a key in use by another check is not followed. */
  follow<T>(key: string | undefined, check: () => Promise<T>): Promise<T> {
    if (key === undefined || this.checks.has(key)) return check();
    const entry: { progress: CheckProgressAnswer | null } = { progress: null };
    this.checks.set(key, entry);
    return followCheckProgress((progress: CheckProgress) => {
      entry.progress = progress;
    }, check).finally(() => this.checks.delete(key));
  }

  /**
   * The progress of the check under `key`; undefined when there is none, or before its first step (while the
   * file's checksum is taken, or a publish reads back the kept file).
   */
  progress(key: string): CheckProgressAnswer | undefined {
    return this.checks.get(key)?.progress ?? undefined;
  }
}
