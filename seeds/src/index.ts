export { defaultDataDir, type SeedOptions, type SeedSummary, seedDatabase, seedOptionsFromEnv } from "./seed.ts";
