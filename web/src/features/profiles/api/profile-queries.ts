import { getAreaProfileRoute, getObservationsRoute } from "@plan-outcomes/server/contract";
import { queryOptions } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";
import { PROFILE_QUERY_ROOT } from "../../../lib/query-keys.ts";

/** Keys run from general to specific: invalidating ["profiles"] after a publish refreshes every profile. */
export const profileQueries = {
  all: () => PROFILE_QUERY_ROOT,
  detail: (code: string, compare: string | null) =>
    queryOptions({
      queryKey: [...profileQueries.all(), code, { compare }] as const,
      queryFn: ({ signal }) =>
        request(getAreaProfileRoute, { params: { code }, query: compare ? { compare } : {}, signal }),
    }),
  /** One indicator's figures for a set of sibling areas in one period, for the scatter chart. */
  siblingFigures: (indicator: string, areas: readonly string[], period: string) =>
    queryOptions({
      queryKey: [...profileQueries.all(), "sibling-figures", indicator, { areas, period }] as const,
      queryFn: ({ signal }) =>
        request(getObservationsRoute, {
          params: { code: indicator },
          query: { areas: areas.join(","), periods: period },
          signal,
        }),
    }),
};
