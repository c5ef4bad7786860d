export * from "./client.ts";
export {
  type CheckProgress,
  type CheckStep,
  followCheckProgress,
} from "./domain/check-progress.ts";
export { countBehind, DERIVED_AREA_TYPES, isSmallCount, periodFromCode } from "./domain/index.ts";
export type { LocatedProblem } from "./domain/types.ts";
export * from "./load/index.ts";
export * from "./reference/index.ts";
export * as schema from "./schema/index.ts";
