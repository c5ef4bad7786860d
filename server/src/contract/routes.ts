import { Type as T } from "typebox";
import { defineRoute } from "./route.ts";
import {
  AreaComparisonSchema,
  AreaSchema,
  BreakdownSetSchema,
  IndicatorSchema,
  IndicatorSummarySchema,
  ObservationSetSchema,
  PlanSchema,
  PlanSummarySchema,
  PriorityDetailSchema,
  ProblemSchema,
} from "./schemas.ts";

const CODE = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$";
const Code = (description: string) => T.String({ pattern: CODE, description });
const CodeList = (description: string) =>
  T.String({ pattern: "^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,49}$", description });

/** Which area the Plan is read for, and as it stood when: the overview's and priority pages' choices. */
const PlanViewQuery = T.Object(
  {
    area: T.Optional(Code("Area code; default Dorset (E06000059)")),
    asOf: T.Optional(
      T.String({
        pattern: "^(19|20)\\d{2}$",
        description:
          "A year: read the figures as they stood at its end (periods ending by 31 December); default: the latest",
      }),
    ),
  },
  { additionalProperties: false },
);

export const getHealthRoute = defineRoute({
  method: "GET",
  url: "/api/health",
  access: "open",
  schema: {
    summary: "Is the service up and its database answering?",
    tags: ["system"],
    response: {
      200: T.Object({ status: T.Literal("ok"), database: T.String() }),
      503: ProblemSchema,
    },
  },
});

export const listPlansRoute = defineRoute({
  method: "GET",
  url: "/api/plans",
  access: "published",
  schema: {
    summary: "The Plans and their priorities, in order",
    tags: ["plans"],
    response: { 200: T.Array(PlanSchema) },
  },
});

export const listIndicatorsRoute = defineRoute({
  method: "GET",
  url: "/api/indicators",
  access: "published",
  schema: {
    summary: "Indicators, optionally of one priority or matching a search",
    tags: ["indicators"],
    querystring: T.Object(
      {
        plan: T.Optional(Code("Plan code; default: the current Plan")),
        priority: T.Optional(Code("Priority code within the Plan")),
        search: T.Optional(T.String({ maxLength: 100, description: "Words in the title or definition" })),
      },
      { additionalProperties: false },
    ),
    response: { 200: T.Array(IndicatorSummarySchema), 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const getIndicatorRoute = defineRoute({
  method: "GET",
  url: "/api/indicators/:code",
  access: "published",
  schema: {
    summary: "One indicator with its full metadata",
    tags: ["indicators"],
    params: T.Object({ code: Code("Indicator code") }),
    response: { 200: IndicatorSchema, 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const listAreasRoute = defineRoute({
  method: "GET",
  url: "/api/areas",
  access: "published",
  schema: {
    summary:
      "Areas with their parent and validity dates (a tree through parentCode); schools, wards and LSOAs only when asked for by type",
    tags: ["areas"],
    querystring: T.Object(
      {
        type: T.Optional(
          T.Union(
            [
              T.Literal("country"),
              T.Literal("region"),
              T.Literal("local_authority"),
              T.Literal("locality"),
              T.Literal("lag_area"),
              T.Literal("school"),
              T.Literal("ward"),
              T.Literal("lsoa"),
            ],
            { description: "Only areas of this type" },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: T.Array(AreaSchema), 400: ProblemSchema },
  },
});

export const getObservationsRoute = defineRoute({
  method: "GET",
  url: "/api/indicators/:code/observations",
  access: "published",
  schema: {
    summary: "Published figures of an indicator by area and period, each compared with England",
    tags: ["observations"],
    params: T.Object({ code: Code("Indicator code") }),
    querystring: T.Object(
      {
        areas: T.Optional(CodeList("Comma-separated area codes; default: Dorset, South West and England")),
        periods: T.Optional(CodeList("Comma-separated period codes; default: all")),
        breakdown: T.Optional(
          T.String({ pattern: "^[a-z_]{1,40}:[^,]{1,80}$", description: "dimension:value; default total:Total" }),
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: ObservationSetSchema, 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const getPlanSummaryRoute = defineRoute({
  method: "GET",
  url: "/api/plans/:plan/summary",
  access: "published",
  schema: {
    summary: "Each priority's headline indicators for an area: latest value, change and comparators",
    tags: ["plans"],
    params: T.Object({ plan: Code("Plan code") }),
    querystring: PlanViewQuery,
    response: { 200: PlanSummarySchema, 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const getPriorityRoute = defineRoute({
  method: "GET",
  url: "/api/plans/:plan/priorities/:priority",
  access: "published",
  schema: {
    summary:
      "Every indicator of one priority for an area: latest value, change, comparators, neighbour median, rank and quartile among English LAs",
    tags: ["plans"],
    params: T.Object({ plan: Code("Plan code"), priority: Code("Priority code within the Plan") }),
    querystring: PlanViewQuery,
    response: { 200: PriorityDetailSchema, 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const getAreaComparisonRoute = defineRoute({
  method: "GET",
  url: "/api/indicators/:code/comparison",
  access: "published",
  schema: {
    summary:
      "One period of an indicator across a group of areas (English councils, Dorset's statistical neighbours, localities or LAG areas), each with its interval and its significance against the group's benchmark",
    tags: ["observations"],
    params: T.Object({ code: Code("Indicator code") }),
    querystring: T.Object(
      {
        among: T.Union(
          [T.Literal("local_authorities"), T.Literal("neighbours"), T.Literal("localities"), T.Literal("lag_areas")],
          { description: "Which areas; councils are compared with England, localities and LAG areas with Dorset" },
        ),
        period: T.Optional(Code("Period code; default: the latest with figures for these areas")),
      },
      { additionalProperties: false },
    ),
    response: { 200: AreaComparisonSchema, 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const getBreakdownsRoute = defineRoute({
  method: "GET",
  url: "/api/indicators/:code/breakdowns",
  access: "published",
  schema: {
    summary:
      "An indicator split by sex, SEN, free school meals, phase or any other dimension the data has, for one area and period, each compared with England's figure for the same split",
    tags: ["observations"],
    params: T.Object({ code: Code("Indicator code") }),
    querystring: T.Object(
      {
        area: T.Optional(Code("Area code; default Dorset (E06000059)")),
        period: T.Optional(Code("Period code; default: the latest with split figures for the area")),
      },
      { additionalProperties: false },
    ),
    response: { 200: BreakdownSetSchema, 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const downloadTemplateRoute = defineRoute({
  method: "GET",
  url: "/api/indicators/:code/template.csv",
  access: "published",
  schema: {
    summary:
      "A CSV in the project's own long layout for this indicator, one row per locality and LAG area: fill in the values and upload it",
    tags: ["uploads"],
    params: T.Object({ code: Code("Indicator code") }),
    response: { 200: T.String({ description: "text/csv" }), 400: ProblemSchema, 404: ProblemSchema },
  },
});

export const downloadTemplateXlsxRoute = defineRoute({
  method: "GET",
  url: "/api/indicators/:code/template.xlsx",
  access: "published",
  schema: {
    summary:
      "The same template as an Excel workbook (.xlsx): one sheet, the same columns and rows, code columns formatted as text",
    tags: ["uploads"],
    params: T.Object({ code: Code("Indicator code") }),
    response: {
      200: T.String({ description: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
      400: ProblemSchema,
      404: ProblemSchema,
    },
  },
});
