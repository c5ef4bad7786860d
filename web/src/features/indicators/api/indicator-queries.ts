import {
  type AreaGroupChoice,
  getAreaComparisonRoute,
  getBreakdownsRoute,
  getIndicatorRoute,
  getObservationsRoute,
} from "@plan-outcomes/server/contract";
import { queryOptions } from "@tanstack/react-query";
import { request } from "../../../lib/api-client.ts";
import { INDICATOR_QUERY_ROOT } from "../../../lib/query-keys.ts";

export interface ObservationsQuery {
  areas?: readonly string[];
  periods?: readonly string[];
}

const toList = (codes: readonly string[] | undefined) => (codes?.length ? codes.join(",") : undefined);

/** Keys run from general to specific: invalidate ["indicators"] after an upload. */
export const indicatorQueries = {
  all: () => INDICATOR_QUERY_ROOT,
  detail: (code: string) =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), "detail", code] as const,
      queryFn: ({ signal }) => request(getIndicatorRoute, { params: { code }, signal }),
    }),
  observations: (code: string, { areas = [], periods = [] }: ObservationsQuery = {}) =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), "observations", code, { areas, periods }] as const,
      queryFn: ({ signal }) =>
        request(getObservationsRoute, {
          params: { code },
          query: { areas: toList(areas), periods: toList(periods) },
          signal,
        }),
    }),
};

/** One period across a group of areas: the compare-areas chart. */
export const comparisonQuery = (code: string, among: AreaGroupChoice, period: string | null) =>
  queryOptions({
    queryKey: [...indicatorQueries.all(), "comparison", code, among, period] as const,
    queryFn: ({ signal }) =>
      request(getAreaComparisonRoute, {
        params: { code },
        query: period ? { among, period } : { among },
        signal,
      }),
  });

/** An indicator split by each dimension the data has, for one area. */
export const breakdownsQuery = (code: string, area: string) =>
  queryOptions({
    queryKey: [...indicatorQueries.all(), "breakdowns", code, area] as const,
    queryFn: ({ signal }) => request(getBreakdownsRoute, { params: { code }, query: { area }, signal }),
  });
