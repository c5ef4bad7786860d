import { sql } from "drizzle-orm";
import { check, integer, pgTable, real, text } from "drizzle-orm/pg-core";
import { areas } from "./areas.ts";

/**
 * The plane every stored boundary is drawn in: England (longitude 6.45°W to 1.85°E, latitude 49.85°N to
 * 55.85°N) projected equirectangularly with longitude scaled by cos(52.5°), y growing southwards as in SVG.
 * The seed projects once into it, so a browser only draws.
 */
export const BOUNDARY_FRAME = {
  west: -6.45,
  east: 1.85,
  south: 49.85,
  north: 55.85,
  standardParallel: 52.5,
  width: 842,
  height: 1000,
} as const;

/** A council's outline as SVG path data in BOUNDARY_FRAME, with a point inside it to hang a label on. */
export const areaBoundaries = pgTable(
  "area_boundaries",
  {
    areaId: integer("area_id")
      .primaryKey()
      .references(() => areas.id),
    path: text("path").notNull(),
    labelX: real("label_x").notNull(),
    labelY: real("label_y").notNull(),
    /** The file it was read from, e.g. ctyua_2023_buc.geojson. */
    sourceFile: text("source_file").notNull(),
  },
  (t) => [check("area_boundaries_path_not_empty", sql`length(${t.path}) > 0`)],
);
