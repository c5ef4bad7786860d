import { type Database, queryRows } from "@plan-outcomes/db";
import { sql } from "drizzle-orm";

/** The newest ids of everything a publish, rollback or target edit adds: their change means answers are stale. */
function readDataVersion(db: Database): Promise<string> {
  return queryRows<{ version: string }>(
    db,
    sql`select (select coalesce(max(id), 0) from dataset_versions) || ':' || (select coalesce(max(id), 0) from targets) || ':' || (select coalesce(max(id), 0) from reference_versions) as version`,
  ).then(([row]) => row?.version ?? "");
}

/**
 * Shares one version check among the requests waiting for it, so a busy process asks the database
 * once per round trip rather than once per request. A request never joins a check that began before
 * it arrived (that check might not see a publish finished just before): it waits for the next one.
 */
class DataVersionReader {
  private running: Promise<string> | null = null;
  private next: Promise<string> | null = null;

  constructor(private readonly db: Database) {}

  read(): Promise<string> {
    if (!this.running) {
      const running = readDataVersion(this.db).finally(() => {
        if (this.running === running) this.running = null;
      });
      this.running = running;
      return running;
    }
    if (!this.next) {
      const next = this.running
        .catch(() => undefined)
        .then(() => {
          this.next = null;
          return this.read();
        });
      this.next = next;
    }
    return this.next;
  }
}

const readers = new WeakMap<Database, DataVersionReader>();

function currentDataVersion(db: Database): Promise<string> {
  let reader = readers.get(db);
  if (!reader) {
    reader = new DataVersionReader(db);
    readers.set(db, reader);
  }
  return reader.read();
}

/**
 * Remembers answers that change only when data is published or a target is set. Every publish or
 * rollback adds a dataset or reference version and every target edit a target row, so the newest ids
 * of the three (three index lookups) tell any API process, whichever made the change, that its answers are stale.
 */
export class PublishedDataCache<T> {
  private readonly entries = new Map<string, T>();
  private dataVersion = "";

  constructor(private readonly capacity = 500) {}

  async get(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
    const current = await currentDataVersion(db);
    if (current !== this.dataVersion) {
      this.entries.clear();
      this.dataVersion = current;
    }
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      // Most recently used last, so the oldest is evicted first.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const value = await compute();
    if (this.dataVersion === current) {
      this.entries.set(key, value);
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }
}
