import { type AreaDefinition, coreAreas, DORSET } from "./catalogue/areas.ts";
import type { FigureDefinition } from "./catalogue/figures.ts";
import { documentFigures, headlineFigures } from "./catalogue/figures.ts";
import { allIndicators } from "./reference-data.ts";

/**
 * Locality and LAG-area series are not public. This builds a deterministic, plausible set around
 * Dorset's published figures so the locality views can be seen working; every figure it makes is
 * marked illustrative in the data and in the UI.
 */

const ILLUSTRATED = [
  "overall-absence",
  "persistent-absence",
  "severe-absence",
  "suspension-rate",
  "good-level-of-development",
  "year6-excess-weight",
  "children-in-need-rate",
  "child-protection-plan-rate",
];

/** How far each locality tends to sit from Dorset as a whole (1 = same). */
const LOCALITY_TILT: Record<string, number> = {
  CHESIL: 1.16,
  WEYMOUTH: 1.14,
  PORTLAND: 1.22,
  DORCHESTER: 0.97,
  "EAST-DORSET": 0.88,
  "NORTH-DORSET": 1.02,
  PURBECK: 0.99,
  "WEST-DORSET": 0.95,
};

/** Rough size of each locality's cohort relative to the smallest (Portland). */
const LOCALITY_SIZE: Record<string, number> = {
  CHESIL: 6,
  WEYMOUTH: 4.6,
  PORTLAND: 1.4,
  DORCHESTER: 4,
  "EAST-DORSET": 7,
  "NORTH-DORSET": 5,
  PURBECK: 2.5,
  "WEST-DORSET": 4.5,
};

function seededRandom(key: string): number {
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  // mulberry32 step: a well-spread value in [0, 1) from the hash
  let t = (hash + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function periodEnd(timePeriod: string, timeIdentifier: string): string {
  if (timeIdentifier === "Academic year") return `20${timePeriod.slice(4, 6)}-08-31`;
  return `${timePeriod}-03-31`;
}

function coversDate(area: AreaDefinition, date: string): boolean {
  return (!area.validFrom || area.validFrom <= date) && (!area.validTo || area.validTo >= date);
}

export function buildIllustrativeFigures(): FigureDefinition[] {
  const localAreas = coreAreas.filter((area) => area.type === "locality" || area.type === "lag_area");
  const figures: FigureDefinition[] = [];
  for (const code of ILLUSTRATED) {
    const indicator = allIndicators.find((candidate) => candidate.code === code);
    if (!indicator) throw new Error(`illustrative indicator ${code} is not in the catalogue`);
    const dorsetSeries = headlineFigures.filter((figure) => figure.indicator === code && figure.area === DORSET);
    for (const dorset of dorsetSeries) {
      const end = periodEnd(dorset.period.timePeriod, dorset.period.timeIdentifier);
      // A real figure from the Plan's documents is never replaced by an invented one.
      const documented = (areaCode: string) =>
        documentFigures.some(
          (figure) =>
            figure.indicator === code &&
            figure.area === areaCode &&
            figure.period.timePeriod === dorset.period.timePeriod,
        );
      for (const area of localAreas.filter((candidate) => coversDate(candidate, end) && !documented(candidate.code))) {
        const slug = area.code.replace(/^DOR-(LOC|LAG)-/, "");
        const noise = 0.92 + seededRandom(`${code}|${area.code}|${dorset.period.timePeriod}`) * 0.16;
        const target = dorset.value * (LOCALITY_TILT[slug] ?? 1) * noise;
        const cohort = indicator.multiplier === 10000 ? 2600 : 900;
        const denominator = Math.round(cohort * (LOCALITY_SIZE[slug] ?? 3));
        const numerator = Math.round((target / indicator.multiplier) * denominator);
        const factor = 10 ** indicator.decimalPlaces;
        figures.push({
          indicator: code,
          area: area.code,
          period: dorset.period,
          value: Math.round((numerator / denominator) * indicator.multiplier * factor) / factor,
          numerator,
          denominator,
          source: "plan-outcomes-illustrative",
          locator: "Generated; not real data",
          note: "Illustrative figure: locality data is not published.",
        });
      }
    }
  }
  return [...figures, ...illustrativeFamilyHubReach(localAreas)];
}

/**
 * Family Hub reach has no published figure at all (local management information), so its illustration
 * is built around an assumed 40% of under-5s reached in 2024-25, higher where the locality has a hub.
 */
function illustrativeFamilyHubReach(localAreas: AreaDefinition[]): FigureDefinition[] {
  const period = { timePeriod: "202425", timeIdentifier: "Financial year" };
  return localAreas
    .filter((area) => coversDate(area, "2025-03-31"))
    .map((area) => {
      const slug = area.code.replace(/^DOR-(LOC|LAG)-/, "");
      const denominator = Math.round(520 * (LOCALITY_SIZE[slug] ?? 3));
      const share = 0.4 * (0.85 + seededRandom(`family-hub-reach|${area.code}`) * 0.3);
      const numerator = Math.round(share * denominator);
      return {
        indicator: "family-hub-reach",
        area: area.code,
        period,
        value: Math.round((numerator / denominator) * 1000) / 10,
        numerator,
        denominator,
        source: "plan-outcomes-illustrative",
        locator: "Generated; not real data",
        note: "Illustrative figure: Family Hub reach is local management information, not published.",
      };
    });
}
