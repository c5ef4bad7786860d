export * from "./comparison.ts";
export * from "./confidence-intervals.ts";
export * from "./suppression.ts";
