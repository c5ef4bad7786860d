import { getAreaProfileRoute } from "@plan-outcomes/server/contract";
import { queryOptions } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";

/** Keys run from general to specific: invalidating ["profiles"] after a publish refreshes every profile. */
export const profileQueries = {
  all: () => ["profiles"] as const,
  detail: (code: string, compare: string | null) =>
    queryOptions({
      queryKey: [...profileQueries.all(), code, { compare }] as const,
      queryFn: ({ signal }) =>
        request(getAreaProfileRoute, { params: { code }, query: compare ? { compare } : {}, signal }),
    }),
};
