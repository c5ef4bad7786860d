import { getPlanSummaryRoute, listPlansRoute } from "@plan-outcomes/server/contract";
import { queryOptions } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";
import { PLAN_QUERY_ROOT } from "../../../lib/query-keys.ts";

/** Keys run from general to specific, so invalidating ["plans"] refreshes every Plan query. */
export const planQueries = {
  all: () => PLAN_QUERY_ROOT,
  list: () =>
    queryOptions({
      queryKey: [...planQueries.all(), "list"] as const,
      queryFn: ({ signal }) => request(listPlansRoute, { signal }),
    }),
  summaries: () => [...planQueries.all(), "summary"] as const,
  summary: (plan: string, area: string, asOf: string | null = null) =>
    queryOptions({
      queryKey: [...planQueries.summaries(), plan, area, asOf] as const,
      queryFn: ({ signal }) =>
        request(getPlanSummaryRoute, { params: { plan }, query: asOf ? { area, asOf } : { area }, signal }),
    }),
};
