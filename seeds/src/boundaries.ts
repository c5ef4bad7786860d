import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Executor, schema } from "@plan-outcomes/db";
import { and, eq, inArray } from "drizzle-orm";
import { type GeoJsonGeometry, toBoundaryShape } from "./boundary-geometry.ts";

export const BOUNDARY_FILE = "ctyua_2023_buc.geojson";

/** In frame units (about 60 m): the file is already generalised, this only drops points nobody could see. */
const SIMPLIFY_TOLERANCE = 0.1;

interface BoundaryFeature {
  geometry: GeoJsonGeometry | null;
  properties: { code?: unknown } | null;
}

export interface BoundaryLoad {
  stored: number;
  /** Codes in the file that name no local authority the database knows. */
  unmatched: string[];
}

/**
 * Stores each English council's outline from ONS's county and unitary boundaries, projected once.
 * Upserts by area, so a second run changes nothing; null when the file is not in the data folder.
 */
export async function loadBoundaries(tx: Executor, dataDir: string): Promise<BoundaryLoad | null> {
  const path = join(dataDir, BOUNDARY_FILE);
  if (!existsSync(path)) return null;
  const collection = JSON.parse(readFileSync(path, "utf8")) as { features?: BoundaryFeature[] };
  if (!Array.isArray(collection.features)) throw new Error(`${BOUNDARY_FILE}: not a GeoJSON FeatureCollection`);

  const features = collection.features.map((feature, index) => {
    const code = feature.properties?.code;
    if (typeof code !== "string" || !feature.geometry) {
      throw new Error(`${BOUNDARY_FILE}, feature ${index + 1}: needs properties.code and a geometry`);
    }
    return { code, geometry: feature.geometry };
  });
  const areaRows = await tx
    .select({ id: schema.areas.id, code: schema.areas.code })
    .from(schema.areas)
    .where(
      and(
        eq(schema.areas.type, "local_authority"),
        inArray(
          schema.areas.code,
          features.map((feature) => feature.code),
        ),
      ),
    );
  const areaIds = new Map(areaRows.map((row) => [row.code, row.id]));

  let stored = 0;
  for (const [index, feature] of features.entries()) {
    const areaId = areaIds.get(feature.code);
    if (areaId === undefined) continue;
    let shape: ReturnType<typeof toBoundaryShape>;
    try {
      shape = toBoundaryShape(feature.geometry, SIMPLIFY_TOLERANCE);
    } catch (error) {
      throw new Error(`${BOUNDARY_FILE}, feature ${index + 1} (${feature.code}): ${(error as Error).message}`);
    }
    const values = {
      areaId,
      path: shape.path,
      labelX: shape.label[0],
      labelY: shape.label[1],
      sourceFile: BOUNDARY_FILE,
    };
    await tx
      .insert(schema.areaBoundaries)
      .values(values)
      .onConflictDoUpdate({ target: schema.areaBoundaries.areaId, set: values });
    stored++;
  }
  return { stored, unmatched: features.map((feature) => feature.code).filter((code) => !areaIds.has(code)) };
}
