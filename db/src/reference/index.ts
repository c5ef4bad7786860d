export {
  type ReceiveReferenceOptions,
  type ReferenceFileReport,
  receiveReferenceFile,
} from "./receive-reference-file.ts";
export {
  describeKind,
  type FamilyHubKind,
  type FamilyHubRow,
  type LocalityRow,
  type LookupRow,
  type ParsedReferenceFile,
  parseDate,
  REFERENCE_COLUMNS,
  REFERENCE_KINDS,
  type ReferenceKind,
  type ReferenceRows,
  readReferenceFile,
} from "./reference-files.ts";
export {
  currentReferenceVersion,
  listReferenceVersions,
  type PublishReferenceInput,
  previewReference,
  publishReference,
  type ReferenceChange,
  type ReferencePreview,
  type ReferenceVersionSummary,
  referenceCells,
  referenceCsv,
  referenceRows,
  referenceVersionFile,
  restoreReference,
} from "./reference-versions.ts";
