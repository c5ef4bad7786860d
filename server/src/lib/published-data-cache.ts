import { type Database, queryRows } from "@plan-outcomes/db";
import { sql } from "drizzle-orm";

/**
 * Remembers answers that change only when data is published. Every publish or rollback adds a
 * dataset version, so the newest version id (one index lookup) tells any API process, whichever
 * did the publish, that its cached answers are stale.
 */
export class PublishedDataCache<T> {
  private readonly entries = new Map<string, T>();
  private dataVersion = -1;

  constructor(private readonly capacity = 500) {}

  async get(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
    const [row] = await queryRows<{ id: number }>(
      db,
      sql`select coalesce(max(id), 0)::int as id from dataset_versions`,
    );
    const current = row?.id ?? 0;
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
