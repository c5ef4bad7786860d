import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";

const { areaGroupMembers, areaGroups, areas, observations } = schema;

/**
 * Published values of every local authority for these indicators and periods: what a rank among
 * English LAs and a neighbour median are taken from. Provisional figures are left out, so a rank
 * never moves on figures most readers cannot see.
 */
export function selectLocalAuthorityValues(
  db: Database,
  filter: { indicatorIds: number[]; periodIds: number[]; breakdownId: number },
) {
  return db
    .select({
      indicatorId: observations.indicatorId,
      periodId: observations.periodId,
      areaId: observations.areaId,
      value: observations.value,
    })
    .from(observations)
    .innerJoin(areas, eq(areas.id, observations.areaId))
    .where(
      and(
        isNull(observations.supersededByVersionId),
        inArray(observations.indicatorId, filter.indicatorIds),
        inArray(observations.periodId, filter.periodIds),
        eq(observations.breakdownId, filter.breakdownId),
        eq(observations.status, "value"),
        eq(observations.isProvisional, false),
        eq(areas.type, "local_authority"),
      ),
    );
}

/** The areas of the group anchored on an area (e.g. Dorset's statistical neighbours), closest first. */
export async function selectNeighbourGroup(db: Database, anchorAreaId: number) {
  const rows = await db
    .select({ groupName: areaGroups.name, areaId: areaGroupMembers.areaId, areaCode: areas.code })
    .from(areaGroups)
    .innerJoin(areaGroupMembers, eq(areaGroupMembers.groupId, areaGroups.id))
    .innerJoin(areas, eq(areas.id, areaGroupMembers.areaId))
    .where(eq(areaGroups.anchorAreaId, anchorAreaId))
    .orderBy(asc(areaGroups.id), asc(areaGroupMembers.position));
  const name = rows[0]?.groupName;
  const members = rows.filter((row) => row.groupName === name);
  return name === undefined
    ? null
    : { name, areaIds: members.map((row) => row.areaId), areaCodes: members.map((row) => row.areaCode) };
}
