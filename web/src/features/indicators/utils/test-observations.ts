import type { Indicator, Observation } from "@plan-outcomes/server/contract";

/** Test data shaped like the API's observations (care leavers aged 19 to 21 in EET). */
export function observation(
  areaCode: string,
  areaName: string,
  period: { code: string; label: string; startsOn: string },
  fields: Partial<Observation> = {},
): Observation {
  return {
    areaCode,
    areaName,
    period: { type: "reporting_year", code: period.code, label: period.label, startsOn: period.startsOn, endsOn: "" },
    breakdown: { dimension: "total", value: "Total" },
    status: "value",
    value: null,
    numerator: null,
    denominator: null,
    lowerCi: null,
    upperCi: null,
    isProvisional: false,
    isRevised: false,
    isIllustrative: false,
    isDisputed: false,
    note: "",
    source: null,
    datasetVersion: { dataset: "public-la_care_leavers_activity", version: 1, publishedAt: null },
    comparison: null,
    ...fields,
  };
}

export const YEAR_2024 = { code: "2024", label: "31 March 2024", startsOn: "2023-04-01" };
export const YEAR_2025 = { code: "2025", label: "31 March 2025", startsOn: "2024-04-01" };
export const YEAR_2023 = { code: "2023", label: "31 March 2023", startsOn: "2022-04-01" };

export const betterThanEngland = {
  benchmarkCode: "E92000001",
  benchmarkName: "England",
  benchmarkValue: 54,
  verdict: "better" as const,
  difference: 8,
  description: "Better than England",
};

/** Out of period order on purpose, as the API may return them. */
export const careLeaverObservations: Observation[] = [
  observation("E92000001", "England", YEAR_2025, { value: 54 }),
  observation("E06000059", "Dorset", YEAR_2025, {
    value: 62,
    numerator: 129,
    denominator: 209,
    lowerCi: 54.97748323916183,
    upperCi: 68.04434730905287,
    comparison: betterThanEngland,
  }),
  observation("E06000059", "Dorset", YEAR_2023, { status: "c", value: null }),
  observation("E92000001", "England", YEAR_2023, { value: 56 }),
  observation("E92000001", "England", YEAR_2024, { value: 54 }),
  observation("E06000059", "Dorset", YEAR_2024, { value: 51, isProvisional: true, note: "Provisional" }),
];

export const careLeaversIndicator: Indicator = {
  code: "care-leavers-eet-19-21",
  title: "Care leavers aged 19-21 in education, employment or training",
  unit: "%",
  decimalPlaces: 0,
  polarity: "higher_is_better",
  periodType: "reporting_year",
  priorities: [],
  definition: "",
  numerator: "",
  denominator: "",
  multiplier: 100,
  valueType: "proportion",
  caveats: "",
  suppressBelow: 5,
  noSignificance: false,
  lastUpdated: null,
  nextUpdate: null,
  source: null,
};
