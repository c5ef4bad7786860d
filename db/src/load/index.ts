export { AreaResolver } from "./area-resolver.ts";
export type { LoadableObservation, LoadMetadata, LoadOutcome } from "./import-file.ts";
export { loadObservations } from "./import-file.ts";
export { breakdownKey, databaseChecksum, ensureBreakdowns, ensurePeriods, periodKey } from "./lookups.ts";
export { normaliseAreaName } from "./names.ts";
export type { DatasetVersionInput, PublishOutcome, ResolvedObservation } from "./publish.ts";
export { publishDatasetVersion } from "./publish.ts";
