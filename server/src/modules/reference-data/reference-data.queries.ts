import { type Database, queryRows } from "@plan-outcomes/db";
import { sql } from "drizzle-orm";

export interface FamilyHubRecord {
  code: string;
  name: string;
  kind: "site" | "outreach" | "online";
  localityCode: string | null;
  lagCode: string | null;
  lagName: string | null;
  openedOn: string | null;
  closedOn: string | null;
  address: string;
  note: string;
}

/** One Family Hub list version's entries in a locality, and its county-wide services. */
export async function selectFamilyHubs(
  db: Database,
  versionId: number,
  localityCode: string,
): Promise<FamilyHubRecord[]> {
  return queryRows<FamilyHubRecord>(
    db,
    sql`select h.code, h.name, h.kind::text as kind, loc.code as "localityCode", lag.code as "lagCode",
               lag.name as "lagName", h.opened_on::text as "openedOn", h.closed_on::text as "closedOn",
               h.address, h.note
        from family_hubs h
        left join areas loc on loc.id = h.locality_area_id
        left join areas lag on lag.id = h.lag_area_id
        where h.version_id = ${versionId} and (loc.code = ${localityCode} or h.locality_area_id is null)
        order by h.kind, h.opened_on nulls last, h.name`,
  );
}

export interface LookupAverage {
  areaCode: string;
  value: number | null;
  /** Members placed in the area by the lookup on its reference date, and how many of them have a figure. */
  memberCount: number;
  withFigure: number;
  weighted: boolean;
}

/**
 * A figure of small areas (e.g. each LSOA's IMD rank) averaged over each area's members in a version of the
 * lookup, weighted by the lookup's population where it gives one. The lookup is read as it stood on the
 * area's last day, or today for a current area, so Chesil LAG keeps its own members.
 */
export async function selectLookupAverages(
  db: Database,
  lookupVersionId: number,
  areaCodes: string[],
  indicatorCode: string,
): Promise<LookupAverage[]> {
  if (areaCodes.length === 0) return [];
  return queryRows<LookupAverage>(
    db,
    sql`with grp as (
          select id, code, least(current_date, coalesce(valid_to, current_date)) as on_date
          from areas where code in (${sql.join(
            areaCodes.map((code) => sql`${code}`),
            sql`, `,
          )})),
        members as (
          select g.code, l.member_area_id, l.population
          from grp g
          join area_lookups l on l.group_area_id = g.id
           and l.version_id = ${lookupVersionId}
          where (l.valid_from is null or l.valid_from <= g.on_date) and (l.valid_to is null or l.valid_to >= g.on_date)),
        figures as (
          select m.code, m.population, o.value
          from members m
          left join observations o on o.area_id = m.member_area_id and o.superseded_by_version_id is null
           and o.status = 'value'
           and o.indicator_id = (select id from indicators where code = ${indicatorCode})
           and o.breakdown_id = (select id from breakdowns where dimension = 'total' and value = 'Total'))
        select code as "areaCode",
               case when bool_and(population is not null)
                    then sum(value * population) filter (where value is not null)
                         / nullif(sum(population) filter (where value is not null), 0)
                    else avg(value) end::float8 as value,
               count(*)::int as "memberCount",
               count(value)::int as "withFigure",
               bool_and(population is not null) as weighted
        from figures group by code`,
  );
}
