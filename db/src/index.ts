export * from "./client.ts";
export * from "./load/index.ts";
export * as schema from "./schema/index.ts";
