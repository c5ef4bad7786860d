import { copyRowsInto, type Database, queryRows } from "@plan-outcomes/db";
import { type SQL, sql, TransactionRollbackError } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends } from "../support/backends.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";

/** The database's own refusal, whichever engine and driver raised it: its SQLSTATE and message. */
async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const own = error as { code?: string; message?: string };
    return { code: cause?.code ?? own.code ?? "", message: cause?.message ?? own.message ?? "" };
  }
  throw new Error("the database accepted it");
}

/**
 * Figures' references are checked by triggers once per statement rather than by per-row foreign keys
 * (migration 0010): they must refuse all that the foreign keys refused.
 */
describe.each(testBackends())("what figures refer to, on %s", (backend) => {
  let database: TestDatabase;
  let db: Database;
  /** A published figure's references, to build others from. */
  let figure: { id: number; indicator_id: number; area_id: number; period_id: number; breakdown_id: number };
  let versionId: number;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    db = database.handle.db;
    const [first] = await queryRows<typeof figure & { dataset_version_id: number }>(
      db,
      sql`select id, indicator_id, area_id, period_id, breakdown_id, dataset_version_id from observations
          where superseded_by_version_id is null order by id limit 1`,
    );
    if (!first) throw new Error("nothing is seeded");
    figure = first;
    versionId = first.dataset_version_id;
  });
  afterAll(async () => {
    await database?.dispose();
  });

  /** In a transaction rolled back, so each case leaves the database as it found it; resolves if it was accepted. */
  const inRollback = (statement: (tx: Database) => Promise<unknown>) =>
    db
      .transaction(async (tx) => {
        await statement(tx as unknown as Database);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
  /** A figure of a breakdown made for it, so its key is free, with any reference replaced. */
  const insertFigure = (overrides: Partial<Record<"area_id" | "indicator_id" | "dataset_version_id", number>>) =>
    inRollback(async (tx) => {
      const [breakdown] = await queryRows<{ id: number }>(
        tx,
        sql`insert into breakdowns (dimension, value, label) values ('test', 'figure', 'Test') returning id`,
      );
      await tx.execute(sql`insert into observations (indicator_id, area_id, period_id, breakdown_id, status, value, dataset_version_id)
          values (${overrides.indicator_id ?? figure.indicator_id}, ${overrides.area_id ?? figure.area_id},
                  ${figure.period_id}, ${breakdown?.id}, 'value', 1, ${overrides.dataset_version_id ?? versionId})`);
    });
  const execute = (statement: SQL) => inRollback((tx) => tx.execute(statement));

  it("refuses a figure of an area, indicator or dataset version that does not exist, naming it", async () => {
    expect(await refusal(() => insertFigure({ area_id: 987_654 }))).toEqual({
      code: "23503",
      message: "observations refer to area 987654, which does not exist",
    });
    expect((await refusal(() => insertFigure({ indicator_id: 987_654 }))).message).toBe(
      "observations refer to indicator 987654, which does not exist",
    );
    expect((await refusal(() => insertFigure({ dataset_version_id: 987_654 }))).message).toBe(
      "observations refer to dataset version 987654, which does not exist",
    );
  });

  it("refuses such a figure written by COPY, as figures are published", async () => {
    const row = [figure.indicator_id, 987_655, figure.period_id, figure.breakdown_id, "value", 1, versionId].join("\t");
    const copied = await refusal(() =>
      inRollback((tx) =>
        copyRowsInto(
          tx,
          "observations (indicator_id, area_id, period_id, breakdown_id, status, value, dataset_version_id)",
          `${row}\n`,
        ),
      ),
    );
    expect(copied).toEqual({ code: "23503", message: "observations refer to area 987655, which does not exist" });
  });

  it("accepts a figure whose references all exist", async () => {
    await expect(insertFigure({})).resolves.toBeUndefined();
  });

  /** A figure of an area and a breakdown made for it (nothing else refers to them), in the transaction given. */
  const freshFigure = async (tx: Database) => {
    const [area] = await queryRows<{ id: number }>(
      tx,
      sql`insert into areas (code, type, name) values ('TEST-AREA', 'locality', 'Test area') returning id`,
    );
    const [breakdown] = await queryRows<{ id: number }>(
      tx,
      sql`insert into breakdowns (dimension, value, label) values ('test', 'fresh', 'Fresh') returning id`,
    );
    if (!area || !breakdown) throw new Error("not inserted");
    await tx.execute(sql`insert into observations (indicator_id, area_id, period_id, breakdown_id, status, value, dataset_version_id)
        values (${figure.indicator_id}, ${area.id}, ${figure.period_id}, ${breakdown.id}, 'value', 1, ${versionId})`);
    return { areaId: area.id, breakdownId: breakdown.id };
  };

  it("never removes, empties or renumbers what figures refer to", async () => {
    let areaId = 0;
    expect(
      await refusal(() =>
        inRollback(async (tx) => {
          ({ areaId } = await freshFigure(tx));
          await tx.execute(sql`delete from areas where id = ${areaId}`);
        }),
      ),
    ).toEqual({ code: "23503", message: `areas ${areaId} cannot be removed: figures refer to it` });
    let breakdownId = 0;
    expect(
      (
        await refusal(() =>
          inRollback(async (tx) => {
            ({ breakdownId } = await freshFigure(tx));
            await tx.execute(sql`delete from breakdowns where dimension = 'test'`);
          }),
        )
      ).message,
    ).toBe(`breakdowns ${breakdownId} cannot be removed: figures refer to it`);
    expect((await refusal(() => execute(sql`truncate breakdowns cascade`))).message).toBe(
      "breakdowns cannot be emptied: figures refer to it",
    );
    expect(
      (await refusal(() => execute(sql`update periods set id = id + 100000 where id = ${figure.period_id}`))).message,
    ).toBe(`the id of periods ${figure.period_id} never changes`);
  });

  // Only PostgreSQL has a second connection to race with.
  if (backend === "postgres") {
    it("holds what a figure being published refers to until it commits, as a foreign key does", async () => {
      const other = new pg.Client({ connectionString: database.env.DATABASE_URL });
      await other.connect();
      try {
        const [area] = await queryRows<{ id: number }>(
          db,
          sql`insert into areas (code, type, name) values ('TEST-LOCKED', 'locality', 'Locked area') returning id`,
        );
        let deleting: { code: string; message: string } | undefined;
        await inRollback(async (tx) => {
          await tx.execute(sql`insert into observations (indicator_id, area_id, period_id, breakdown_id, status, value, dataset_version_id)
              values (${figure.indicator_id}, ${area?.id}, ${figure.period_id}, ${figure.breakdown_id}, 'value', 1, ${versionId})`);
          // Another session cannot remove the area while the figure's transaction is open.
          await other.query("set lock_timeout = '300ms'");
          deleting = await refusal(() => other.query("delete from areas where id = $1", [area?.id]));
        });
        expect(deleting?.code).toBe("55P03");
        // Rolled back, the figure is gone and the area can go.
        expect((await other.query("delete from areas where id = $1", [area?.id])).rowCount).toBe(1);
      } finally {
        await other.end();
      }
    });
  }

  it("never moves a figure to another area, while superseding it is allowed", async () => {
    expect(
      (await refusal(() => execute(sql`update observations set area_id = area_id + 1 where id = ${figure.id}`)))
        .message,
    ).toMatch(/a figure's indicator, area, period, breakdown, source and dataset version never change/);
    await expect(
      execute(sql`update observations set superseded_by_version_id = ${versionId} where id = ${figure.id}`),
    ).resolves.toBeUndefined();
  });

  it("removes a row no figure refers to", async () => {
    let gone: { id: number }[] = [];
    await inRollback(async (tx) => {
      await tx.execute(sql`insert into breakdowns (dimension, value, label) values ('test', 'unused', 'Unused')`);
      gone = await queryRows<{ id: number }>(tx, sql`delete from breakdowns where dimension = 'test' returning id`);
    });
    expect(gone).toHaveLength(1);
  });
});
