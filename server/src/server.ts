import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase, openDatabase, queryRows } from "@plan-outcomes/db";
import { seedDatabase } from "@plan-outcomes/seeds";
import closeWithGrace from "close-with-grace";
import { sql } from "drizzle-orm";
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { ensureFirstAdministrator } from "./modules/access/first-administrator.ts";

const webDist = resolve(dirname(fileURLToPath(import.meta.url)), "../../web/dist");
const config = loadConfig(process.env, webDist);
const database = await openDatabase(config.database);
const app = await buildApp({
  database,
  webDist: config.webDist,
  logger: { level: config.logLevel },
  access: config.access,
  maxUploadBytes: config.maxUploadBytes,
});

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, "closing after an error");
  else app.log.info({ signal }, "shutting down");
  await app.close();
  await database.close();
});

await migrateDatabase(database);
const [seeded] = await queryRows<{ plans: number }>(database.db, sql`select count(*)::int as plans from plans`);
if (!seeded || Number(seeded.plans) === 0) {
  app.log.info("empty database: seeding");
  await seedDatabase(database.db, { ...config.seed, log: (message) => app.log.info(message) });
}
await ensureFirstAdministrator(database.db, config.firstAdministrator, app.log);
await app.listen({ port: config.port, host: config.host });
app.log.info(`Plan Outcomes on http://localhost:${config.port} (${database.kind}: ${database.location})`);
