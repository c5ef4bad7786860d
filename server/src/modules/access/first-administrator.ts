import type { Database } from "@plan-outcomes/db";
import { queryRows } from "@plan-outcomes/db";
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { grantAccess } from "./users.service.ts";

/** No default password: the first administrator comes from the environment, once, when there is no account. */
export async function ensureFirstAdministrator(
  db: Database,
  first: { email: string; password: string } | null,
  log: FastifyBaseLogger,
): Promise<void> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from users`);
  if (row && row.count > 0) return;
  if (!first) {
    log.warn(
      "No accounts yet. Published figures are readable; to sign in, restart once with ADMIN_EMAIL and ADMIN_PASSWORD set to create the first administrator.",
    );
    return;
  }
  await grantAccess(
    db,
    {
      email: first.email,
      displayName: "Administrator",
      role: "administrator",
      areaCodes: [],
      password: first.password,
    },
    null,
    "",
  );
  log.info(`Created the first administrator, ${first.email}.`);
}
