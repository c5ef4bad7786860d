import { type Database, queryRows } from "@plan-outcomes/db";
import { sql } from "drizzle-orm";

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
    const [row] = await queryRows<{ version: string }>(
      db,
      sql`select (select coalesce(max(id), 0) from dataset_versions) || ':' || (select coalesce(max(id), 0) from targets) || ':' || (select coalesce(max(id), 0) from reference_versions) as version`,
    );
    const current = row?.version ?? "";
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
