import type { Database } from "@plan-outcomes/db";
import { schema } from "@plan-outcomes/db";
import { asc, eq } from "drizzle-orm";

const { areaBoundaries, areas } = schema;

export function selectLocalAuthorityBoundaries(db: Database) {
  return db
    .select({
      code: areas.code,
      name: areas.name,
      path: areaBoundaries.path,
      labelX: areaBoundaries.labelX,
      labelY: areaBoundaries.labelY,
    })
    .from(areaBoundaries)
    .innerJoin(areas, eq(areas.id, areaBoundaries.areaId))
    .where(eq(areas.type, "local_authority"))
    .orderBy(asc(areas.code));
}
