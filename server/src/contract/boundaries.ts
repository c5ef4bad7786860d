import { type Static, Type as T } from "typebox";
import { defineRoute } from "./route.ts";
import { ProblemSchema } from "./schemas.ts";

export const AreaBoundarySchema = T.Object({
  code: T.String({ description: "ONS code of the council" }),
  name: T.String(),
  /** SVG path data in the viewBox: draw it, nothing to compute. */
  path: T.String(),
  /** A point inside the council's largest part, for a label. */
  label: T.Object({ x: T.Number(), y: T.Number() }),
});
export type AreaBoundary = Static<typeof AreaBoundarySchema>;

export const BoundarySetSchema = T.Object({
  /** Every path is drawn in `0 0 width height`, north up. */
  viewBox: T.Object({ width: T.Number(), height: T.Number() }),
  /** Empty when the seed found no boundary file: the map is then not shown. */
  areas: T.Array(AreaBoundarySchema),
  attribution: T.String(),
});
export type BoundarySet = Static<typeof BoundarySetSchema>;

export const getLocalAuthorityBoundariesRoute = defineRoute({
  method: "GET",
  url: "/api/boundaries/local-authorities",
  access: "published",
  schema: {
    summary:
      "Every English council's outline (ONS counties and unitary authorities, December 2023, generalised) as SVG path data in one viewBox, for a map",
    tags: ["areas"],
    response: { 200: BoundarySetSchema, 401: ProblemSchema },
  },
});
