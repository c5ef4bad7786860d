import { listAreasRoute } from "@plan-outcomes/server/contract";
import { queryOptions } from "@tanstack/react-query";
import { request } from "./api-client.ts";

/** The council the dashboard is about, and the API's default area: Dorset Council (E06000059). */
export const COUNCIL_AREA_CODE = "E06000059";

/** Areas are reference data that several features offer as choices, so their query lives here once. */
export const areaQueries = {
  all: () => ["areas"] as const,
  list: () =>
    queryOptions({
      queryKey: [...areaQueries.all(), "list"] as const,
      queryFn: ({ signal }) => request(listAreasRoute, { signal }),
      staleTime: 60 * 60 * 1000,
    }),
  /** Areas of one type, e.g. the localities and LAG areas an account may be given. */
  ofType: (type: "locality" | "lag_area") =>
    queryOptions({
      queryKey: [...areaQueries.all(), "list", { type }] as const,
      queryFn: ({ signal }) => request(listAreasRoute, { query: { type }, signal }),
      staleTime: 60 * 60 * 1000,
    }),
};
