export * from "./access.ts";
export * from "./commentary.ts";
export * from "./profiles.ts";
export * from "./route.ts";
export * from "./routes.ts";
export * from "./schemas.ts";
export * from "./targets.ts";
export * from "./uploads.ts";
