export { type LaitYearType, parseDfePeriod, parseLaitYear, periodFromCode, periodKindOf } from "./periods.ts";
export { countBehind, DERIVED_AREA_TYPES, isSmallCount } from "./small-counts.ts";
export { checkPercentage, kindOfCell, parseObservationValue, SYMBOL_MEANINGS } from "./symbols.ts";
export * from "./types.ts";
