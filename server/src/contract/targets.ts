import { type Static, Type as T } from "typebox";
import { defineRoute } from "./route.ts";
import { ProblemSchema } from "./schemas.ts";

export const TargetSchema = T.Object({
  areaCode: T.String(),
  areaName: T.String(),
  periodCode: T.String(),
  periodLabel: T.String(),
  targetValue: T.Number(),
  baselineValue: T.Union([T.Number(), T.Null()]),
  baselinePeriodCode: T.Union([T.String(), T.Null()]),
  note: T.String(),
  setBy: T.String(),
  setAt: T.String(),
  /** How many times this target has been set (1 = never changed). */
  version: T.Integer(),
});
export type Target = Static<typeof TargetSchema>;

const IndicatorCode = T.String({ pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$" });

export const listTargetsRoute = defineRoute({
  method: "GET",
  url: "/api/indicators/:code/targets",
  access: "published",
  schema: {
    summary: "Current targets and baselines for an indicator, by area and period",
    tags: ["targets"],
    params: T.Object({ code: IndicatorCode }),
    querystring: T.Object(
      { areas: T.Optional(T.String({ pattern: "^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,49}$" })) },
      { additionalProperties: false },
    ),
    response: { 200: T.Array(TargetSchema), 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const setTargetRoute = defineRoute({
  method: "PUT",
  url: "/api/indicators/:code/targets",
  access: ["locality_lead", "analyst", "administrator"],
  schema: {
    summary:
      "Set the target (and baseline) for an indicator in an area by a period (a locality lead: their own areas only)",
    tags: ["targets"],
    params: T.Object({ code: IndicatorCode }),
    body: T.Object(
      {
        areaCode: T.String({ maxLength: 64 }),
        periodCode: T.String({ maxLength: 20 }),
        targetValue: T.Number(),
        baselineValue: T.Optional(T.Union([T.Number(), T.Null()])),
        baselinePeriodCode: T.Optional(T.Union([T.String({ maxLength: 20 }), T.Null()])),
        note: T.Optional(T.String({ maxLength: 2000 })),
      },
      { additionalProperties: false },
    ),
    response: { 200: TargetSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
  },
});
