import { pgEnum } from "drizzle-orm/pg-core";

export const polarityEnum = pgEnum("polarity", ["higher_is_better", "lower_is_better", "none"]);

/** How an indicator's value is built, which decides its confidence interval method. */
export const valueTypeEnum = pgEnum("value_type", ["proportion", "rate", "count", "mean", "other"]);

export const areaTypeEnum = pgEnum("area_type", [
  "country",
  "region",
  "local_authority",
  "locality",
  "lag_area",
  "school",
  "ward",
  "lsoa",
]);

export const periodTypeEnum = pgEnum("period_type", [
  "academic_year",
  "financial_year",
  "calendar_year",
  "reporting_year",
  "quarter",
  "month",
  "term",
  "week",
  "date",
]);

/** `value` means a number is present; the others are the typed symbols of DOMAIN.md section 6. */
export const observationStatusEnum = pgEnum("observation_status", ["value", "c", "x", "z", "low", "u"]);

export const datasetVersionStatusEnum = pgEnum("dataset_version_status", [
  "draft",
  "published",
  "superseded",
  "rolled_back",
]);
