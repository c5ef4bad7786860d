export { type CsvFile, type CsvOptions, type CsvRecord, readCsvRecords } from "./csv.ts";
export { type EesFileMapping, type EesIndicatorMapping, type ImportOptions, importEesFile } from "./ees.ts";
export { importLaitFile, type LaitMeasureMapping } from "./lait.ts";
export { importTemplateFile, TEMPLATE_COLUMNS, type TemplateObservation } from "./template.ts";
export type { AreaReference, ImportedObservation, ImportResult, ImportWarning } from "./types.ts";
