/**
 * Figures written down in DOMAIN.md: section 9 (DfE published headline figures, so a fresh install
 * without the public files is real) and section 7 (the Plan's own documents), each with its source.
 */
export interface FigureDefinition {
  indicator: string;
  /** Area code as in the areas catalogue. */
  area: string;
  period: { timePeriod: string; timeIdentifier: string };
  value: number;
  numerator?: number;
  denominator?: number;
  source: string;
  locator: string;
  note?: string;
  isDisputed?: boolean;
}

const ENGLAND = "E92000001";
const SOUTH_WEST = "E12000009";
const DORSET = "E06000059";

const ACADEMIC = ["202122", "202223", "202324", "202425"];
const CARE_YEARS = ["2021", "2022", "2023", "2024", "2025"];
const AT_31_MARCH = ["2023", "2024", "2025"];

/** One row of DOMAIN.md section 9: values for Dorset, South West and England over the given periods. */
function headlineSeries(
  indicator: string,
  timeIdentifier: string,
  timePeriods: string[],
  series: Record<string, number[]>,
  source: string,
): FigureDefinition[] {
  return Object.entries(series).flatMap(([area, values]) =>
    values.map((value, index) => ({
      indicator,
      area,
      period: { timePeriod: timePeriods[index] as string, timeIdentifier },
      value,
      source,
      locator: "Headline published figures (DOMAIN.md section 9)",
    })),
  );
}

const academic = (indicator: string, source: string, d: number[], sw: number[], e: number[]) =>
  headlineSeries(
    indicator,
    "Academic year",
    ACADEMIC.slice(0, d.length),
    { [DORSET]: d, [SOUTH_WEST]: sw, [ENGLAND]: e },
    source,
  );
const reporting = (indicator: string, years: string[], d: number[], sw: number[], e: number[]) =>
  headlineSeries(
    indicator,
    "Reporting year",
    years,
    { [DORSET]: d, [SOUTH_WEST]: sw, [ENGLAND]: e },
    indicator.startsWith("care") || indicator.startsWith("children-looked") ? "dfe-cla" : "dfe-cin",
  );

export const headlineFigures: FigureDefinition[] = [
  ...academic(
    "overall-absence",
    "dfe-absence",
    [8.2, 7.68, 7.88, 7.49],
    [8.01, 7.6, 7.59, 7.07],
    [7.55, 7.37, 7.15, 6.78],
  ),
  ...academic(
    "persistent-absence",
    "dfe-absence",
    [24.05, 21.05, 21.14, 19.51],
    [23.76, 21.32, 20.79, 18.32],
    [22.51, 21.22, 19.95, 18.14],
  ),
  ...academic(
    "severe-absence",
    "dfe-absence",
    [2.09, 2.38, 3.02, 3.14],
    [1.92, 2.38, 2.78, 2.82],
    [1.65, 2.03, 2.3, 2.39],
  ),
  ...academic("suspension-rate", "dfe-exclusions", [6.71, 8.86, 11.62], [8.13, 11.72, 15.16], [6.91, 9.33, 11.31]),
  ...academic("permanent-exclusion-rate", "dfe-exclusions", [0.05, 0.12, 0.13], [0.09, 0.13, 0.15], [0.08, 0.11, 0.13]),
  ...academic(
    "good-level-of-development",
    "dfe-eyfsp",
    [65.6, 67.5, 67.4, 69.7],
    [66.3, 68.0, 69.2, 70.2],
    [65.2, 67.2, 67.7, 68.3],
  ),
  ...academic(
    "year6-excess-weight",
    "nhs-ncmp",
    [31.0, 31.2, 32.1, 31.8],
    [33.7, 32.9, 32.8, 33.5],
    [37.8, 36.6, 35.8, 36.2],
  ),
  ...reporting("care-leavers-eet-19-21", CARE_YEARS, [43, 46, 53, 51, 62], [52, 56, 56, 56, 56], [52, 55, 56, 54, 54]),
  ...reporting("care-leavers-eet-17-18", CARE_YEARS, [65, 71, 65, 72, 80], [63, 69, 67, 66, 69], [65, 66, 66, 64, 64]),
  ...reporting(
    "care-leavers-suitable-accommodation-19-21",
    CARE_YEARS,
    [88, 90, 91, 95, 95],
    [89, 89, 89, 90, 91],
    [88, 88, 88, 88, 89],
  ),
  ...reporting(
    "children-in-need-rate",
    AT_31_MARCH,
    [357.8, 326.2, 324.2],
    [309.1, 302.0, 303.1],
    [338.7, 331.2, 330.3],
  ),
  ...reporting("child-protection-plan-rate", AT_31_MARCH, [45.9, 44.6, 41.4], [39.8, 40.8, 38.5], [42.7, 41.4, 40.6]),
  ...reporting("children-looked-after-rate", AT_31_MARCH, [65, 67, 65], [63, 63, 62], [70, 69, 67]),
  ...reporting(
    "re-referrals-within-12-months",
    AT_31_MARCH,
    [16.3, 14.1, 14.7],
    [23.0, 22.1, 22.1],
    [22.4, 22.4, 22.6],
  ),
].map((figure) => {
  // DOMAIN.md gives the counts behind Dorset's 2025 care leaver percentages.
  if (figure.area !== DORSET || figure.period.timePeriod !== "2025") return figure;
  if (figure.indicator === "care-leavers-eet-19-21") return { ...figure, numerator: 129, denominator: 209 };
  if (figure.indicator === "care-leavers-eet-17-18") return { ...figure, numerator: 67, denominator: 84 };
  return figure;
});

const AR2021 = "annual-report-2020-21";
const AR2024 = "annual-report-2024";
const DORCHESTER_LAG = "dorchester-lag-2023-09-21";
const DORCHESTER = "DOR-LOC-DORCHESTER";
const FY2021 = { timePeriod: "202021", timeIdentifier: "Financial year" };
const CY2024 = { timePeriod: "2024", timeIdentifier: "Calendar year" };
const AY2223 = { timePeriod: "202223", timeIdentifier: "Academic year" };
const month = (year: string, name: string) => ({ timePeriod: year, timeIdentifier: name });

const fromDocument = (
  indicator: string,
  period: FigureDefinition["period"],
  value: number,
  source: string,
  locator: string,
  extra: Partial<FigureDefinition> = {},
): FigureDefinition => ({ indicator, area: DORSET, period, value, source, locator, ...extra });

export const documentFigures: FigureDefinition[] = [
  fromDocument("care-leavers-eet-local", month("2020", "July"), 50, AR2021, "Young and Thriving, impact"),
  fromDocument("care-leavers-eet-local", month("2021", "April"), 56, AR2021, "Young and Thriving, impact"),
  fromDocument("early-help-requests", month("2020", "April"), 317, AR2021, "Delivering Locally, impact"),
  fromDocument("early-help-requests", month("2020", "September"), 455, AR2021, "Delivering Locally, impact", {
    note: "Peak month.",
  }),
  fromDocument("early-help-requests", month("2021", "March"), 364, AR2021, "Delivering Locally, impact"),
  fromDocument("harbour-project-young-people", FY2021, 40, AR2021, "Young and Thriving"),
  fromDocument("youth-grant-organisations", FY2021, 15, AR2021, "Young and Thriving"),
  fromDocument("youth-grant-funding", FY2021, 70000, AR2021, "Young and Thriving", { note: "Reported as over £70k." }),
  fromDocument("haf-food-parcel-families", FY2021, 1500, AR2021, "Overview", {
    note: "Reported as over 1,500 (Easter).",
  }),
  fromDocument("chat-health-contacts", FY2021, 2770, AR2021, "Public Health", { note: "Reported as over 2,770." }),
  fromDocument("takeover-challenge-participants", FY2021, 23, AR2021, "Voice of children and young people"),
  fromDocument("family-hub-sites", CY2024, 6, AR2024, "Local family help", { note: "Plus Family Hub Online." }),
  fromDocument("family-hub-outreach-points", CY2024, 23, AR2024, "Local family help"),
  fromDocument("healthy-movers-settings", CY2024, 85, AR2024, "Best start in life"),
  fromDocument("healthy-movers-children", CY2024, 2056, AR2024, "Best start in life"),
  fromDocument(
    "supported-internships",
    { timePeriod: "202122", timeIdentifier: "Academic year" },
    4,
    AR2024,
    "Young and thriving",
    { note: "Reported as 4 in 2022." },
  ),
  fromDocument(
    "supported-internships",
    { timePeriod: "202324", timeIdentifier: "Academic year" },
    13,
    AR2024,
    "Young and thriving",
    { note: "Reported as 13 in the current academic year." },
  ),
  fromDocument("dorset-youth-grant-funding", CY2024, 200000, AR2024, "Young and thriving"),
  fromDocument("dorset-youth-grant-groups", CY2024, 43, AR2024, "Young and thriving"),
  fromDocument("family-hub-grant-funding", CY2024, 210000, AR2024, "Best start in life"),
  fromDocument("mockingbird-constellations", CY2024, 4, AR2024, "Good care provision", {
    note: "A fifth was nearing completion.",
  }),
  fromDocument("haf-providers", CY2024, 65, AR2024, "Best place to live"),
  fromDocument("haf-venues", CY2024, 80, AR2024, "Best place to live"),
  fromDocument("instrumental-learning-children", CY2024, 4277, AR2024, "Best place to live"),
  fromDocument("chesil-youth-pride-attendance", CY2024, 200, AR2024, "Best place to live", {
    note: "Reported as more than 200.",
  }),
  fromDocument("safeguarding-families-together-children", CY2024, 338, AR2024, "Safe at home and in the community"),
  fromDocument("safeguarding-families-together-closed", CY2024, 133, AR2024, "Safe at home and in the community"),
  fromDocument("hidden-girls-guardian-businesses", CY2024, 8, AR2024, "Safe at home and in the community"),
  fromDocument("hidden-girls-guardian-individuals", CY2024, 50, AR2024, "Safe at home and in the community"),
  fromDocument("suspension-rate", AY2223, 5.5, DORCHESTER_LAG, "Item 5, schools data", {
    area: DORCHESTER,
    note: "Reported as a 5.5% suspension rate, third lowest of the localities, for September 2022 to May 2023 (part year).",
  }),
  fromDocument("suspensions-count", AY2223, 352, DORCHESTER_LAG, "Item 5, schools data", {
    area: DORCHESTER,
    note: "September 2022 to May 2023 (part year).",
  }),
  fromDocument("permanent-exclusions-count", AY2223, 1, DORCHESTER_LAG, "Item 5, schools data", {
    area: DORCHESTER,
    isDisputed: true,
    note: "Disputed in the meeting: members thought it a data dashboard error, with the figure more like 5-6.",
  }),
  fromDocument("year6-excess-weight", AY2223, 40, DORCHESTER_LAG, "Item 7", {
    area: DORCHESTER,
    note: "A claim made in the meeting for mid-Dorset; the official NCMP figure for Dorset is about 31-32%.",
  }),
];
