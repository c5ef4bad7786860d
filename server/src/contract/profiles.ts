import { type Static, Type as T } from "typebox";
import { defineRoute } from "./route.ts";
import {
  AreaSchema,
  IndicatorSummarySchema,
  Nullable,
  ObservationSchema,
  PrioritySchema,
  ProblemSchema,
  StatusSchema,
} from "./schemas.ts";

const AreaCode = (description: string) => T.String({ pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", description });

/** An area with the words for the areas it is ranked among ("localities", "Local Alliance Group areas"). */
export const ProfileAreaSchema = T.Object({
  ...AreaSchema.properties,
  /** Plural name of its sibling areas; null when it has none to be ranked among. */
  siblingsLabel: Nullable(T.String()),
});
export type ProfileArea = Static<typeof ProfileAreaSchema>;

/** A comparator's figure for the same period as the area's (Dorset, England). */
export const ComparatorFigureSchema = T.Object({
  areaCode: T.String(),
  areaName: T.String(),
  value: Nullable(T.Number()),
  status: Nullable(StatusSchema),
});
export type ComparatorFigure = Static<typeof ComparatorFigureSchema>;

/** Where the area stands among its siblings in the same period. A position, not a statistical test. */
export const SiblingRankSchema = T.Object({
  position: T.Integer({ minimum: 1 }),
  of: T.Integer({ minimum: 1 }),
  /** best_first follows the indicator's polarity; highest_first where neither direction is better. */
  order: T.Union([T.Literal("best_first"), T.Literal("highest_first")]),
  /** "2nd of 5 localities". */
  label: T.String(),
});
export type SiblingRank = Static<typeof SiblingRankSchema>;

/** The spread of the sibling areas' values in the period, for the spine chart. */
export const SiblingSpreadSchema = T.Object({
  min: T.Number(),
  q1: T.Number(),
  median: T.Number(),
  q3: T.Number(),
  max: T.Number(),
  /** Sibling areas (the area included) with a value in the period. */
  count: T.Integer(),
  /** Sibling areas with a figure in the period but no value (suppressed, not available). */
  withoutValue: T.Integer(),
});
export type SiblingSpread = Static<typeof SiblingSpreadSchema>;

/** One area's profile of one indicator: its latest figure and how it compares. */
export const ProfileFigureSchema = T.Object({
  /** The latest figure with a value (or the latest symbol when there is none); its comparison is with the benchmark. */
  latest: Nullable(ObservationSchema),
  benchmark: Nullable(ComparatorFigureSchema),
  england: Nullable(ComparatorFigureSchema),
  rank: Nullable(SiblingRankSchema),
  spread: Nullable(SiblingSpreadSchema),
  /** The area's own previous figure with a value: never another area's series. */
  previous: Nullable(ObservationSchema),
  /** latest minus previous; a change, not a tested trend. */
  change: Nullable(T.Number()),
  /** False when the two figures come from different datasets (e.g. a part-year figure quoted in a meeting). */
  changeIsLikeForLike: T.Boolean(),
});
export type ProfileFigure = Static<typeof ProfileFigureSchema>;

export const ProfileIndicatorSchema = T.Object({
  indicator: T.Object({
    ...IndicatorSummarySchema.properties,
    noSignificance: T.Boolean(),
    suppressBelow: Nullable(T.Integer()),
    numerator: T.String(),
  }),
  area: ProfileFigureSchema,
  /** The same figures for the area compared with, or null when none was asked for. */
  compare: Nullable(ProfileFigureSchema),
});
export type ProfileIndicator = Static<typeof ProfileIndicatorSchema>;

/** A Family Hub entry as the area's profile lists it. */
export const ProfileFamilyHubSchema = T.Object({
  code: T.String(),
  name: T.String(),
  kind: T.Union([T.Literal("site"), T.Literal("outreach"), T.Literal("online")]),
  lagCode: Nullable(T.String()),
  lagName: Nullable(T.String()),
  openedOn: Nullable(T.String()),
  closedOn: Nullable(T.String()),
  address: T.String(),
  note: T.String(),
  /** Open on the profile's date: opened (or opening date unknown) and not closed. */
  isOpen: T.Boolean(),
  /** In the area itself; elsewhere in its locality with no LAG area recorded; or a county-wide service. */
  scope: T.Union([T.Literal("area"), T.Literal("locality"), T.Literal("county")]),
});
export type ProfileFamilyHub = Static<typeof ProfileFamilyHubSchema>;

export const ProfileFamilyHubsSchema = T.Object({
  locality: T.Object({ code: T.String(), name: T.String() }),
  /** The date "open" is judged on (today). */
  asOf: T.String(),
  /** The Family Hub list's current version, or null when none has been loaded. */
  list: Nullable(T.Object({ version: T.Integer(), note: T.String(), createdAt: T.String() })),
  hubs: T.Array(ProfileFamilyHubSchema),
});
export type ProfileFamilyHubs = Static<typeof ProfileFamilyHubsSchema>;

/** Each sibling area's deprivation, built from its LSOAs through the locality lookup. */
export const ProfileDeprivationSchema = T.Object({
  indicatorCode: T.String(),
  label: T.String(),
  description: T.String(),
  /** True while the lookup in use is the illustrative one (or any lookup marked so). */
  isIllustrative: T.Boolean(),
  lookup: Nullable(T.Object({ version: T.Integer(), note: T.String() })),
  areas: T.Array(
    T.Object({
      areaCode: T.String(),
      areaName: T.String(),
      value: Nullable(T.Number()),
      memberCount: T.Integer(),
      withFigure: T.Integer(),
      weighted: T.Boolean(),
    }),
  ),
});
export type ProfileDeprivation = Static<typeof ProfileDeprivationSchema>;

export const AreaProfileSchema = T.Object({
  plan: T.Object({ code: T.String(), title: T.String() }),
  area: ProfileAreaSchema,
  compareArea: Nullable(ProfileAreaSchema),
  /** What significance is tested against: Dorset for its localities and LAG areas, England for a council. */
  benchmark: T.Object({ code: T.String(), name: T.String() }),
  priorities: T.Array(
    T.Object({
      priority: PrioritySchema,
      /** The Plan's indicators with figures for the area (or the compared area), primary priority only. */
      indicators: T.Array(ProfileIndicatorSchema),
    }),
  ),
  /** For a locality or LAG area: its locality's Family Hub sites and outreach points. */
  familyHubs: Nullable(ProfileFamilyHubsSchema),
  /** For a locality or LAG area with siblings: deprivation of each sibling, for the scatter. */
  deprivation: Nullable(ProfileDeprivationSchema),
});
export type AreaProfile = Static<typeof AreaProfileSchema>;

export const getAreaProfileRoute = defineRoute({
  method: "GET",
  url: "/api/areas/:code/profile",
  access: "published",
  schema: {
    summary:
      "An area's profile: every indicator of the Plan with figures for it, by priority, compared with Dorset and England and ranked among its sibling areas",
    tags: ["areas"],
    params: T.Object({ code: AreaCode("Area code, e.g. DOR-LAG-PORTLAND") }),
    querystring: T.Object(
      {
        plan: T.Optional(AreaCode("Plan code; default: the current Plan")),
        compare: T.Optional(AreaCode("A second area to show side by side")),
      },
      { additionalProperties: false },
    ),
    response: { 200: AreaProfileSchema, 400: ProblemSchema, 404: ProblemSchema },
  },
});
