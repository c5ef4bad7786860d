import { listAuditEventsRoute } from "@plan-outcomes/server/contract";
import { queryOptions } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";
import { AUDIT_QUERY_ROOT } from "../../../lib/query-keys.ts";
import type { AuditFilter } from "../utils/to-audit-filter.ts";

/** The audit trail grows with every sign-in: always refetched when shown. */
export const auditQueries = {
  all: () => AUDIT_QUERY_ROOT,
  list: (filter: AuditFilter) =>
    queryOptions({
      queryKey: [...auditQueries.all(), "list", filter] as const,
      queryFn: ({ signal }) => request(listAuditEventsRoute, { query: filter, signal }),
      staleTime: 0,
    }),
};
