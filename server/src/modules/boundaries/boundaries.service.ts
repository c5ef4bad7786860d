import { type Database, schema } from "@plan-outcomes/db";
import type { BoundarySet } from "../../contract/index.ts";
import { selectLocalAuthorityBoundaries } from "./boundaries.queries.ts";

export const BOUNDARY_ATTRIBUTION =
  "Boundaries: Office for National Statistics, Counties and Unitary Authorities (December 2023), licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2023.";

export async function getLocalAuthorityBoundaries(db: Database): Promise<BoundarySet> {
  const rows = await selectLocalAuthorityBoundaries(db);
  return {
    viewBox: { width: schema.BOUNDARY_FRAME.width, height: schema.BOUNDARY_FRAME.height },
    areas: rows.map(({ labelX, labelY, ...area }) => ({ ...area, label: { x: labelX, y: labelY } })),
    attribution: BOUNDARY_ATTRIBUTION,
  };
}
