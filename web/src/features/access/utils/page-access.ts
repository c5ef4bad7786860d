import type { AccessRule } from "@plan-outcomes/server/contract";

/**
 * Who may open each page: the rule of the API route the page is built on. Copied rather than imported so the
 * header's navigation does not pull the routes' schemas (and TypeBox) into the first download;
 * page-access.test.ts checks each copy against the contract.
 */
export const PAGE_ACCESS = {
  tokens: "signed-in",
  users: ["administrator"],
  audit: ["administrator"],
  figureQueries: ["analyst", "administrator"],
  uploads: ["analyst", "administrator"],
  /** The history is read by anyone, but the page is for restoring versions and downloading files. */
  datasets: ["analyst", "administrator"],
  /** Reference data is read by anyone, but the page is for loading and restoring it. */
  referenceData: ["analyst", "administrator"],
} as const satisfies Record<string, AccessRule>;
