import { databaseOptionsFromEnv, describeError, migrateDatabase, openDatabase } from "@plan-outcomes/db";
import { seedDatabase, seedOptionsFromEnv } from "./seed.ts";

const handle = await openDatabase(databaseOptionsFromEnv(process.env));
try {
  await migrateDatabase(handle);
  const options = seedOptionsFromEnv(process.env);
  console.log(
    `Seeding ${handle.kind} (${handle.location}); public data: ${options.dataDir ?? "not found, seeding published headline figures only"}`,
  );
  await seedDatabase(handle.db, { ...options, log: (message) => console.log(`  ${message}`) });
  console.log("Seed complete.");
} catch (error) {
  console.error(`Seed failed, nothing was changed: ${describeError(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
