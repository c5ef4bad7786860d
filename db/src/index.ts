export * from "./client.ts";
export { periodFromCode } from "./domain/index.ts";
export * from "./load/index.ts";
export * from "./reference/index.ts";
export * as schema from "./schema/index.ts";
