import { type Static, Type as T } from "typebox";
import { CommentarySchema } from "./commentary.ts";
import { defineRoute } from "./route.ts";
import { Nullable, ProblemSchema } from "./schemas.ts";
import { TargetSchema } from "./targets.ts";

const IndicatorCode = T.String({ pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$" });
const CodeList = T.String({ pattern: "^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,49}$" });

export const FigureQueryStatusSchema = T.Union([
  T.Literal("open"),
  /** Checked: the published figure is right, and the answer says why. */
  T.Literal("figure_stands"),
  /** The figure was wrong and has been (or will be) corrected by a new dataset version. */
  T.Literal("corrected"),
]);
export type FigureQueryStatus = Static<typeof FigureQueryStatusSchema>;

export const FigureQuerySchema = T.Object({
  id: T.Integer(),
  indicatorCode: T.String(),
  indicatorTitle: T.String(),
  areaCode: T.String(),
  areaName: T.String(),
  periodCode: T.String(),
  periodLabel: T.String(),
  question: T.String(),
  suggestedValue: T.String(),
  /** Who asked: shown to signed-in readers only. */
  raisedBy: Nullable(T.String()),
  raisedAt: T.String(),
  status: FigureQueryStatusSchema,
  answer: Nullable(T.String()),
  answeredBy: Nullable(T.String()),
  answeredAt: Nullable(T.String()),
});
export type FigureQuery = Static<typeof FigureQuerySchema>;

export const listFigureQueriesRoute = defineRoute({
  method: "GET",
  url: "/api/indicators/:code/queries",
  access: "published",
  schema: {
    summary: "Queries raised about an indicator's figures, open and answered, for some areas",
    tags: ["figure queries"],
    params: T.Object({ code: IndicatorCode }),
    querystring: T.Object({ areas: T.Optional(CodeList) }, { additionalProperties: false }),
    response: { 200: T.Array(FigureQuerySchema), 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const raiseFigureQueryRoute = defineRoute({
  method: "POST",
  url: "/api/indicators/:code/queries",
  access: "signed-in",
  schema: {
    summary: 'Query a published figure ("we think this is 5-6, not 1"): it shows on the figure until answered',
    tags: ["figure queries"],
    params: T.Object({ code: IndicatorCode }),
    body: T.Object(
      {
        areaCode: T.String({ maxLength: 64 }),
        periodCode: T.String({ maxLength: 20 }),
        question: T.String({ minLength: 1, maxLength: 2000 }),
        suggestedValue: T.Optional(T.String({ maxLength: 100 })),
      },
      { additionalProperties: false },
    ),
    response: { 200: FigureQuerySchema, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema },
  },
});

export const listAllFigureQueriesRoute = defineRoute({
  method: "GET",
  url: "/api/figure-queries",
  access: ["analyst", "administrator"],
  schema: {
    summary: "Queries across every indicator, oldest open first: the analysts' work list",
    tags: ["figure queries"],
    querystring: T.Object(
      { status: T.Optional(T.Union([T.Literal("open"), T.Literal("all")])) },
      { additionalProperties: false },
    ),
    response: { 200: T.Array(FigureQuerySchema), 401: ProblemSchema, 403: ProblemSchema },
  },
});

export const answerFigureQueryRoute = defineRoute({
  method: "POST",
  url: "/api/figure-queries/:id/answer",
  access: ["analyst", "administrator"],
  schema: {
    summary: "Answer a query: the figure stands, or it was corrected; the answer stays on record",
    tags: ["figure queries"],
    params: T.Object({ id: T.Integer({ minimum: 1 }) }),
    body: T.Object(
      {
        status: T.Union([T.Literal("figure_stands"), T.Literal("corrected")]),
        answer: T.String({ minLength: 1, maxLength: 4000 }),
      },
      { additionalProperties: false },
    ),
    response: {
      200: FigureQuerySchema,
      400: ProblemSchema,
      401: ProblemSchema,
      403: ProblemSchema,
      404: ProblemSchema,
      409: ProblemSchema,
    },
  },
});

/** Everything written about an indicator's figures in some areas, so its page needs one request for them. */
export const getIndicatorAnnotationsRoute = defineRoute({
  method: "GET",
  url: "/api/indicators/:code/annotations",
  access: "published",
  schema: {
    summary: "Commentary, targets and figure queries of an indicator for some areas, in one answer",
    tags: ["commentary", "targets", "figure queries"],
    params: T.Object({ code: IndicatorCode }),
    querystring: T.Object({ areas: T.Optional(CodeList) }, { additionalProperties: false }),
    response: {
      200: T.Object({
        commentary: T.Array(CommentarySchema),
        targets: T.Array(TargetSchema),
        queries: T.Array(FigureQuerySchema),
      }),
      400: ProblemSchema,
      404: ProblemSchema,
    },
  },
});
