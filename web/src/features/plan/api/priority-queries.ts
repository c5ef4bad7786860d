import { getPriorityRoute } from "@plan-outcomes/server/contract";
import { queryOptions } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";
import { planQueries } from "./plan-queries.ts";

/** Under ["plans"], so whatever refreshes the Plan's figures refreshes its priority pages too. */
export const priorityQueries = {
  detail: (plan: string, priority: string, area: string) =>
    queryOptions({
      queryKey: [...planQueries.all(), "priority", plan, priority, area] as const,
      queryFn: ({ signal }) => request(getPriorityRoute, { params: { plan, priority }, query: { area }, signal }),
    }),
};
