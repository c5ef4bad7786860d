export { type CsvFile, type CsvOptions, type CsvRecord, readCsvRecords } from "./csv.ts";
export { type EesFileMapping, type EesIndicatorMapping, type ImportOptions, importEesFile } from "./ees.ts";
export { importLaitFile, type LaitMeasureMapping } from "./lait.ts";
export type { AreaReference, ImportedObservation, ImportResult, ImportWarning } from "./types.ts";
