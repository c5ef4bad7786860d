export { type LaitYearType, parseDfePeriod, parseLaitYear, periodFromCode, periodKindOf } from "./periods.ts";
export { checkPercentage, kindOfCell, parseObservationValue, SYMBOL_MEANINGS } from "./symbols.ts";
export * from "./types.ts";
