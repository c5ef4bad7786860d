import { type Static, Type as T } from "typebox";
import { defineRoute } from "./route.ts";
import { ProblemSchema } from "./schemas.ts";

export const CommentarySchema = T.Object({
  areaCode: T.String(),
  areaName: T.String(),
  /** Null: about the indicator in this area generally, not one period. */
  periodCode: T.Union([T.String(), T.Null()]),
  markdown: T.String(),
  /** The Markdown rendered and sanitised on the server: safe to insert as HTML. */
  html: T.String(),
  author: T.String(),
  writtenAt: T.String(),
  /** How many times this commentary has been written (1 = never edited). */
  version: T.Integer(),
});
export type Commentary = Static<typeof CommentarySchema>;

const IndicatorCode = T.String({ pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$" });

export const listCommentaryRoute = defineRoute({
  method: "GET",
  url: "/api/indicators/:code/commentary",
  access: "published",
  schema: {
    summary: "The story behind the curve: current commentary on an indicator, by area and period",
    tags: ["commentary"],
    params: T.Object({ code: IndicatorCode }),
    querystring: T.Object(
      { areas: T.Optional(T.String({ pattern: "^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,49}$" })) },
      { additionalProperties: false },
    ),
    response: { 200: T.Array(CommentarySchema), 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const writeCommentaryRoute = defineRoute({
  method: "PUT",
  url: "/api/indicators/:code/commentary",
  access: ["locality_lead", "analyst", "administrator"],
  schema: {
    summary: "Write the commentary for an indicator in an area (a locality lead: their own areas only)",
    tags: ["commentary"],
    params: T.Object({ code: IndicatorCode }),
    body: T.Object(
      {
        areaCode: T.String({ maxLength: 64 }),
        periodCode: T.Union([T.String({ maxLength: 20 }), T.Null()]),
        markdown: T.String({ minLength: 1, maxLength: 20000 }),
      },
      { additionalProperties: false },
    ),
    response: {
      200: CommentarySchema,
      400: ProblemSchema,
      401: ProblemSchema,
      403: ProblemSchema,
      404: ProblemSchema,
    },
  },
});
