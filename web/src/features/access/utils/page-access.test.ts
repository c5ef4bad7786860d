import {
  listAllFigureQueriesRoute,
  listAuditEventsRoute,
  listTokensRoute,
  listUploadsRoute,
  listUsersRoute,
  publishReferenceFileRoute,
  restoreDatasetVersionRoute,
} from "@plan-outcomes/server/contract";
import { describe, expect, it } from "vitest";
import { PAGE_ACCESS } from "./page-access.ts";

describe("PAGE_ACCESS", () => {
  it("gives each page the rule of the API route it is built on", () => {
    expect(PAGE_ACCESS.tokens).toEqual(listTokensRoute.access);
    expect(PAGE_ACCESS.users).toEqual(listUsersRoute.access);
    expect(PAGE_ACCESS.audit).toEqual(listAuditEventsRoute.access);
    expect(PAGE_ACCESS.figureQueries).toEqual(listAllFigureQueriesRoute.access);
    expect(PAGE_ACCESS.uploads).toEqual(listUploadsRoute.access);
    expect(PAGE_ACCESS.datasets).toEqual(restoreDatasetVersionRoute.access);
    expect(PAGE_ACCESS.referenceData).toEqual(publishReferenceFileRoute.access);
  });
});
