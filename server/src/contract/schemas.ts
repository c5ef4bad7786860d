import { type Static, Type as T } from "typebox";

/** A schema or null: how the contract says "no value" (never undefined). */
export const Nullable = <S extends Parameters<typeof T.Union>[0][number]>(schema: S) => T.Union([schema, T.Null()]);

/** RFC 9457 problem details: every error the API returns. */
export const ProblemSchema = T.Object({
  type: T.String(),
  title: T.String(),
  status: T.Integer(),
  detail: T.String(),
  instance: T.Optional(T.String()),
  parameter: T.Optional(T.String()),
});
export type Problem = Static<typeof ProblemSchema>;

export const PolaritySchema = T.Union([T.Literal("higher_is_better"), T.Literal("lower_is_better"), T.Literal("none")]);
export type Polarity = Static<typeof PolaritySchema>;
export const StatusSchema = T.Union([
  T.Literal("value"),
  T.Literal("c"),
  T.Literal("x"),
  T.Literal("z"),
  T.Literal("low"),
  T.Literal("u"),
]);
export type ObservationStatus = Static<typeof StatusSchema>;

export const VerdictSchema = T.Union([
  T.Literal("better"),
  T.Literal("worse"),
  T.Literal("similar"),
  T.Literal("higher"),
  T.Literal("lower"),
  T.Literal("not_compared"),
]);
export type Verdict = Static<typeof VerdictSchema>;

export const SourceSchema = T.Object({
  code: T.String(),
  title: T.String(),
  publisher: T.String(),
  url: Nullable(T.String()),
  documentName: Nullable(T.String()),
  licence: T.String(),
});
export type Source = Static<typeof SourceSchema>;

export const PrioritySchema = T.Object({
  code: T.String(),
  title: T.String(),
  position: T.Integer(),
  aims: T.String(),
  /** For an earlier Plan: the priority of the current Plan it continues as. */
  continuesAs: Nullable(T.String()),
});
export type Priority = Static<typeof PrioritySchema>;

export const PlanSchema = T.Object({
  code: T.String(),
  title: T.String(),
  startsOn: T.String(),
  endsOn: T.String(),
  isCurrent: T.Boolean(),
  priorities: T.Array(PrioritySchema),
});
export type Plan = Static<typeof PlanSchema>;

export const IndicatorSummarySchema = T.Object({
  code: T.String(),
  title: T.String(),
  unit: T.String(),
  decimalPlaces: T.Integer(),
  polarity: PolaritySchema,
  periodType: T.String(),
  priorities: T.Array(
    T.Object({ plan: T.String(), code: T.String(), isPrimary: T.Boolean(), isHeadline: T.Boolean() }),
  ),
});
export type IndicatorSummary = Static<typeof IndicatorSummarySchema>;

export const IndicatorSchema = T.Object({
  ...IndicatorSummarySchema.properties,
  definition: T.String(),
  numerator: T.String(),
  denominator: T.String(),
  multiplier: T.Integer(),
  valueType: T.String(),
  caveats: T.String(),
  suppressBelow: Nullable(T.Integer()),
  noSignificance: T.Boolean(),
  lastUpdated: Nullable(T.String()),
  nextUpdate: Nullable(T.String()),
  source: Nullable(SourceSchema),
});
export type Indicator = Static<typeof IndicatorSchema>;

export const AreaSchema = T.Object({
  code: T.String(),
  type: T.String(),
  name: T.String(),
  onsCode: Nullable(T.String()),
  dfeCode: Nullable(T.String()),
  parentCode: Nullable(T.String()),
  validFrom: Nullable(T.String()),
  validTo: Nullable(T.String()),
  note: T.String(),
});
export type Area = Static<typeof AreaSchema>;

export const PeriodSchema = T.Object({
  type: T.String(),
  code: T.String(),
  label: T.String(),
  startsOn: T.String(),
  endsOn: T.String(),
});
export type Period = Static<typeof PeriodSchema>;

export const ComparisonSchema = T.Object({
  benchmarkCode: T.String(),
  benchmarkName: T.String(),
  benchmarkValue: Nullable(T.Number()),
  verdict: VerdictSchema,
  difference: Nullable(T.Number()),
  description: T.String(),
});
export type Comparison = Static<typeof ComparisonSchema>;

export const ObservationSchema = T.Object({
  areaCode: T.String(),
  areaName: T.String(),
  period: PeriodSchema,
  breakdown: T.Object({ dimension: T.String(), value: T.String() }),
  status: StatusSchema,
  value: Nullable(T.Number()),
  numerator: Nullable(T.Number()),
  denominator: Nullable(T.Number()),
  lowerCi: Nullable(T.Number()),
  upperCi: Nullable(T.Number()),
  isProvisional: T.Boolean(),
  isRevised: T.Boolean(),
  isIllustrative: T.Boolean(),
  isDisputed: T.Boolean(),
  note: T.String(),
  source: Nullable(T.Object({ code: T.String(), title: T.String(), url: Nullable(T.String()), locator: T.String() })),
  datasetVersion: T.Object({ dataset: T.String(), version: T.Integer(), publishedAt: Nullable(T.String()) }),
  comparison: Nullable(ComparisonSchema),
});
export type Observation = Static<typeof ObservationSchema>;

export const ObservationSetSchema = T.Object({
  indicator: IndicatorSchema,
  observations: T.Array(ObservationSchema),
});
export type ObservationSet = Static<typeof ObservationSetSchema>;

export const TargetStatusSchema = T.Union([
  T.Literal("met"),
  T.Literal("not_yet_met"),
  T.Literal("missed"),
  /** The indicator has no better direction, so a target is shown but not judged. */
  T.Literal("not_assessed"),
]);
export type TargetStatus = Static<typeof TargetStatusSchema>;

export const HeadlineSchema = T.Object({
  indicator: IndicatorSummarySchema,
  latest: Nullable(ObservationSchema),
  previous: Nullable(ObservationSchema),
  change: Nullable(T.Number()),
  /** The same period for the comparator areas (South West, England, ...). */
  comparators: T.Array(
    T.Object({
      areaCode: T.String(),
      areaName: T.String(),
      value: Nullable(T.Number()),
      status: Nullable(StatusSchema),
    }),
  ),
  /** Values of the area over time, oldest first, for a sparkline. */
  trend: T.Array(T.Object({ periodLabel: T.String(), value: Nullable(T.Number()) })),
  /** The median of the area's statistical neighbours at the same period (only areas that have such a group). */
  neighbours: Nullable(
    T.Object({
      groupName: T.String(),
      median: Nullable(T.Number()),
      /** How many neighbours had a figure, of how many there are. */
      count: T.Integer(),
      of: T.Integer(),
    }),
  ),
  /** Position among English local authorities at the same period: a ranking, not a statistical test. */
  rank: Nullable(
    T.Object({
      position: T.Integer(),
      of: T.Integer(),
      quartile: T.Integer({ minimum: 1, maximum: 4 }),
      /** Whether 1 is the best or simply the highest. */
      order: T.Union([T.Literal("best_first"), T.Literal("highest_first")]),
    }),
  ),
  target: Nullable(
    T.Object({
      value: T.Number(),
      periodCode: T.String(),
      periodLabel: T.String(),
      baselineValue: Nullable(T.Number()),
      status: TargetStatusSchema,
    }),
  ),
});
export type Headline = Static<typeof HeadlineSchema>;

export const PrioritySummarySchema = T.Object({
  priority: PrioritySchema,
  headlines: T.Array(HeadlineSchema),
  counts: T.Object({
    better: T.Integer(),
    similar: T.Integer(),
    worse: T.Integer(),
    /** Significantly higher or lower where neither is better (polarity none). */
    different: T.Integer(),
    notCompared: T.Integer(),
    noData: T.Integer(),
  }),
});
export type PrioritySummary = Static<typeof PrioritySummarySchema>;

/** Which state of the published data an answer shows: printed on every page of the board pack. */
export const DataVersionSchema = T.Object({
  /** The newest dataset version: it grows with every publish and every rollback. */
  version: T.Integer(),
  lastPublishedAt: Nullable(T.String()),
});
export type DataVersion = Static<typeof DataVersionSchema>;

export const PlanSummarySchema = T.Object({
  plan: T.Object({ code: T.String(), title: T.String() }),
  area: AreaSchema,
  dataVersion: DataVersionSchema,
  priorities: T.Array(PrioritySummarySchema),
});
export type PlanSummary = Static<typeof PlanSummarySchema>;

/** One priority in full: every indicator linked to it, headlines first. */
export const PriorityDetailSchema = T.Object({
  plan: T.Object({ code: T.String(), title: T.String() }),
  area: AreaSchema,
  ...PrioritySummarySchema.properties,
});
export type PriorityDetail = Static<typeof PriorityDetailSchema>;

export const AreaGroupChoiceSchema = T.Union([
  T.Literal("local_authorities"),
  T.Literal("neighbours"),
  T.Literal("localities"),
  T.Literal("lag_areas"),
]);
export type AreaGroupChoice = Static<typeof AreaGroupChoiceSchema>;

/** One period across a group of areas, for a ranked bar chart with interval whiskers. */
export const AreaComparisonSchema = T.Object({
  indicator: IndicatorSchema,
  among: AreaGroupChoiceSchema,
  /** The periods any area of the group has figures for, oldest first: the choices. */
  periods: T.Array(T.Object({ code: T.String(), label: T.String() })),
  period: Nullable(T.Object({ code: T.String(), label: T.String() })),
  benchmark: T.Object({ areaCode: T.String(), areaName: T.String(), value: Nullable(T.Number()) }),
  /** Highest value first; figures without a value (suppressed, not available) last. */
  observations: T.Array(ObservationSchema),
});
export type AreaComparison = Static<typeof AreaComparisonSchema>;

/** An indicator split by one dimension (sex, SEN, free school meals, phase...) in one area and period. */
export const BreakdownSetSchema = T.Object({
  indicator: IndicatorSchema,
  area: T.Object({ code: T.String(), name: T.String() }),
  /** Periods with split figures for the area, oldest first. */
  periods: T.Array(T.Object({ code: T.String(), label: T.String() })),
  period: Nullable(T.Object({ code: T.String(), label: T.String() })),
  dimensions: T.Array(
    T.Object({
      dimension: T.String(),
      /** Each value's figure for the area, compared with England's figure for the same value. */
      observations: T.Array(ObservationSchema),
    }),
  ),
});
export type BreakdownSet = Static<typeof BreakdownSetSchema>;
