export { AreaResolver } from "./area-resolver.ts";
export { detectFormat, type FileFormat, type FileImportResult, importFileWithSavedMappings } from "./file-import.ts";
export type { LoadableObservation, LoadMetadata, LoadOutcome } from "./import-file.ts";
export { loadObservations, type ObservationLoad, startObservationLoad } from "./import-file.ts";
export { breakdownKey, databaseChecksum, ensureBreakdowns, ensurePeriods, periodKey } from "./lookups.ts";
export { readMappings, type StoredMappings, saveMappings } from "./mappings.ts";
export { normaliseAreaName } from "./names.ts";
export type { DatasetVersionInput, PublishOutcome, ResolvedObservation } from "./publish.ts";
export { beginDatasetVersion, type DatasetVersionWriter, OBSERVATION_COLUMNS } from "./publish.ts";
export {
  publishUpload,
  RESTORE_PAGE,
  restoreDatasetVersion,
  type UploadInput,
  type UploadPreview,
  type UploadProblem,
  type UploadReport,
  UploadStateError,
  uploadBytes,
  validateUpload,
} from "./uploads.ts";
