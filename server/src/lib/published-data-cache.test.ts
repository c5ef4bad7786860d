import { migrateDatabase, openDatabase } from "@plan-outcomes/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PublishedDataCache } from "./published-data-cache.ts";

describe("PublishedDataCache", () => {
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    handle = await openDatabase({ kind: "pglite", dataDir: "memory" });
    await migrateDatabase(handle);
  });
  afterAll(() => handle.close());

  it("answers from memory until something is published, then computes again", async () => {
    const cache = new PublishedDataCache<number>();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get(handle.db, "summary", compute)).toBe(1);
    expect(await cache.get(handle.db, "summary", compute)).toBe(1);
    await handle.db.execute(sql`insert into datasets (code, title) values ('d', 'd')`);
    await handle.db.execute(
      sql`insert into dataset_versions (dataset_id, version, status, file_name, file_sha256, created_by, published_at)
          values ((select id from datasets where code = 'd'), 1, 'published', 'f', 'x', 't', now())`,
    );
    expect(await cache.get(handle.db, "summary", compute)).toBe(2);
  });

  it("forgets the least recently used answer when full", async () => {
    const cache = new PublishedDataCache<string>(2);
    await cache.get(handle.db, "a", async () => "a1");
    await cache.get(handle.db, "b", async () => "b1");
    await cache.get(handle.db, "a", async () => "a2");
    await cache.get(handle.db, "c", async () => "c1");
    expect(await cache.get(handle.db, "a", async () => "a3")).toBe("a1");
    expect(await cache.get(handle.db, "b", async () => "b2")).toBe("b2");
  });
});
