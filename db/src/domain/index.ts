export { type LaitYearType, parseDfePeriod, parseLaitYear, periodKindOf } from "./periods.ts";
export { checkPercentage, parseObservationValue, SYMBOL_MEANINGS } from "./symbols.ts";
export * from "./types.ts";
