export * from "./areas.ts";
export * from "./datasets.ts";
export * from "./enums.ts";
export * from "./indicators.ts";
export * from "./observations.ts";
export * from "./periods.ts";
export * from "./plans.ts";
export * from "./sources.ts";
