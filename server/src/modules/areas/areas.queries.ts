import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { asc, eq, inArray, notInArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const { areas } = schema;

export function selectAreas(db: Database, filter: { type?: (typeof areas.$inferSelect)["type"]; codes?: string[] }) {
  const parent = alias(areas, "parent");
  const query = db
    .select({ area: areas, parentCode: parent.code })
    .from(areas)
    .leftJoin(parent, eq(parent.id, areas.parentId))
    .orderBy(asc(areas.type), asc(areas.name));
  if (filter.codes) return query.where(inArray(areas.code, filter.codes));
  if (filter.type) return query.where(eq(areas.type, filter.type));
  // Schools, wards and LSOAs run to thousands and are building blocks, not places people pick: asked for by type only.
  return query.where(notInArray(areas.type, ["school", "ward", "lsoa"]));
}
