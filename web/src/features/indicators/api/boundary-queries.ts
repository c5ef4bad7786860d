import { getLocalAuthorityBoundariesRoute } from "@plan-outcomes/server/contract";
import { queryOptions } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";

/** Outlines change only when the database is seeded: fetched once a session, revalidated by the browser's cache. */
export const boundaryQueries = {
  all: () => ["boundaries"] as const,
  localAuthorities: () =>
    queryOptions({
      queryKey: [...boundaryQueries.all(), "local-authorities"] as const,
      queryFn: ({ signal }) => request(getLocalAuthorityBoundariesRoute, { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
