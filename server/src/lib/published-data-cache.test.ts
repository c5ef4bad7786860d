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

  it("shares version checks among concurrent requests, yet a request after a publish always sees it", async () => {
    const cache = new PublishedDataCache<number>();
    let computed = 0;
    const compute = async () => ++computed;
    let checks = 0;
    const counted = new Proxy(handle.db, {
      get: (target, property) =>
        property === "execute"
          ? (...args: Parameters<typeof target.execute>) => {
              checks++;
              return target.execute(...args);
            }
          : Reflect.get(target, property),
    });
    const first = await Promise.all(Array.from({ length: 20 }, () => cache.get(counted, "summary", compute)));
    expect(new Set(first).size).toBe(1);
    // The first request's check, and one more shared by the nineteen that arrived while it ran.
    expect(checks).toBe(2);
    // A check is in flight when the publish lands; the request made after the publish must not join it.
    const inFlight = cache.get(handle.db, "summary", compute);
    await handle.db.execute(
      sql`insert into dataset_versions (dataset_id, version, status, file_name, file_sha256, created_by, published_at)
          values ((select id from datasets where code = 'd'), 2, 'published', 'f', 'y', 't', now())`,
    );
    const afterPublish = await cache.get(handle.db, "summary", compute);
    await inFlight;
    expect(afterPublish).toBe(computed);
    expect(afterPublish).toBeGreaterThan(first[0] as number);
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
