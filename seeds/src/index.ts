export {
  defaultDataDir,
  type SeedOptions,
  type SeedSummary,
  seedDatabase,
  seedOptionsFromEnv,
  seedReferenceDataOnly,
} from "./seed.ts";
