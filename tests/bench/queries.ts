/**
 * The SQL the two endpoints run, written out by hand: the server package exports only its contract,
 * app and config, so drizzle's builders in server/src/modules/ cannot be imported. These strings are
 * what drizzle generates for them (same columns, joins, filters, order and IN lists of parameters);
 * keep them in step with observations.queries.ts, indicators.queries.ts, areas.queries.ts and
 * plans.queries.ts.
 */

export interface SqlQuery {
  text: string;
  values: unknown[];
}

const placeholders = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => `$${from + index}`).join(", ");

/**
 * selectCurrentObservations: current figures for indicators x areas, one breakdown, oldest period
 * first, as the public reads them (provisional scope of an anonymous caller: no provisional figures).
 */
export function currentObservationsQuery(filter: {
  indicatorIds: number[];
  areaIds: number[];
  breakdownId: number;
}): SqlQuery {
  const { indicatorIds, areaIds, breakdownId } = filter;
  const areaFrom = indicatorIds.length + 1;
  const breakdownAt = areaFrom + areaIds.length;
  const provisionalAt = breakdownAt + 1;
  return {
    text: `select "observations"."indicator_id", "observations"."area_id", "areas"."code", "areas"."name",
       "periods"."id", "periods"."type", "periods"."code", "periods"."label", "periods"."starts_on", "periods"."ends_on",
       "observations"."status", "observations"."value", "observations"."numerator", "observations"."denominator",
       "observations"."lower_ci", "observations"."upper_ci", "observations"."is_provisional", "observations"."is_revised",
       "observations"."is_illustrative", "observations"."is_disputed", "observations"."note", "observations"."source_locator",
       "sources"."code", "sources"."title", "sources"."url", "datasets"."code", "dataset_versions"."version",
       "dataset_versions"."published_at"
  from "observations"
 inner join "areas" on "areas"."id" = "observations"."area_id"
 inner join "periods" on "periods"."id" = "observations"."period_id"
 inner join "dataset_versions" on "dataset_versions"."id" = "observations"."dataset_version_id"
 inner join "datasets" on "datasets"."id" = "dataset_versions"."dataset_id"
  left join "sources" on "sources"."id" = "observations"."source_id"
 where ("observations"."superseded_by_version_id" is null
   and "observations"."indicator_id" in (${placeholders(1, indicatorIds.length)})
   and "observations"."area_id" in (${placeholders(areaFrom, areaIds.length)})
   and "observations"."breakdown_id" = $${breakdownAt}
   and "observations"."is_provisional" = $${provisionalAt})
 order by "periods"."ends_on" asc, "periods"."starts_on" asc`,
    values: [...indicatorIds, ...areaIds, breakdownId, false],
  };
}

/** The queries one summary request runs before and besides the observations (rounds run in order). */
export function summarySupportingRounds(areaCodes: string[]): SqlQuery[][] {
  return [
    // getPlan -> listPlans: plans and priorities, in parallel
    [
      {
        text: `select "id", "code", "title", "starts_on", "ends_on", "published_on", "is_current" from "plans" order by "plans"."starts_on" asc`,
        values: [],
      },
      {
        text: `select "priorities"."plan_id", "priorities"."code", "priorities"."title", "priorities"."position", "priorities"."aims", "successor"."code" from "priorities" left join "priority_mappings" on "priority_mappings"."from_priority_id" = "priorities"."id" left join "priorities" "successor" on "successor"."id" = "priority_mappings"."to_priority_id" order by "priorities"."plan_id" asc, "priorities"."position" asc`,
        values: [],
      },
    ],
    // getAreasByCode
    [
      {
        text: `select "areas"."id", "areas"."code", "areas"."type", "areas"."name", "areas"."ons_code", "areas"."dfe_code", "areas"."parent_id", "areas"."valid_from", "areas"."valid_to", "areas"."note", "parent"."code" from "areas" left join "areas" "parent" on "parent"."id" = "areas"."parent_id" where "areas"."code" in (${placeholders(1, areaCodes.length)}) order by "areas"."type" asc, "areas"."name" asc`,
        values: areaCodes,
      },
    ],
    // listIndicatorDetails: the whole catalogue and every Plan link, in parallel
    [
      {
        text: `select "indicators"."id", "indicators"."code", "indicators"."title", "indicators"."definition", "indicators"."numerator", "indicators"."denominator", "indicators"."unit", "indicators"."decimal_places", "indicators"."multiplier", "indicators"."value_type", "indicators"."polarity", "indicators"."period_type", "indicators"."source_id", "indicators"."caveats", "indicators"."suppress_below", "indicators"."no_significance", "indicators"."last_updated", "indicators"."next_update", "sources"."id", "sources"."code", "sources"."title", "sources"."publisher", "sources"."url", "sources"."document_name", "sources"."licence", "sources"."published_on" from "indicators" left join "sources" on "sources"."id" = "indicators"."source_id" order by "indicators"."title" asc`,
        values: [],
      },
      {
        text: `select "indicator_priorities"."indicator_id", "plans"."code", "priorities"."code", "indicator_priorities"."is_primary", "indicator_priorities"."is_headline", "priorities"."position", "indicator_priorities"."position" from "indicator_priorities" inner join "priorities" on "priorities"."id" = "indicator_priorities"."priority_id" inner join "plans" on "plans"."id" = "indicator_priorities"."plan_id" order by "indicator_priorities"."position" asc`,
        values: [],
      },
    ],
    // selectBreakdownId
    [
      {
        text: `select "id" from "breakdowns" where ("breakdowns"."dimension" = $1 and "breakdowns"."value" = $2)`,
        values: ["total", "Total"],
      },
    ],
  ];
}
