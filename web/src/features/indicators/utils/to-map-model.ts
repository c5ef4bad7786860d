import type { AreaComparison, BoundarySet, Verdict } from "@plan-outcomes/server/contract";
import { COUNCIL_AREA_CODE } from "../../../lib/area-queries.ts";
import { formatObservedValue, formatStatus, formatValue, formatVerdict, VERDICTS } from "../../../lib/format.ts";
import { formatBandLabel, formatCouncilCount, toBandIndex, toValueBands } from "./quintiles.ts";

export type MapShading = "value" | "verdict";

/** How a council is filled: a palette colour, or the hatching that means "no figure". */
export type MapFill = { kind: "colour"; colour: string } | { kind: "no-figure" };

export interface MapArea {
  code: string;
  name: string;
  path: string;
  label: { x: number; y: number };
  isFocus: boolean;
  hasFigure: boolean;
  /** "62%", "c", "No data". */
  valueText: string;
  /** What a reader hears or sees on hover: "Dorset: 62%, better than England (highest band)". */
  description: string;
  fill: Record<MapShading, MapFill>;
}

export interface MapLegendItem {
  key: string;
  fill: MapFill;
  text: string;
  /** The councils in this band, by name, for the list under the map. */
  areaNames: string[];
}

export interface MapModel {
  areas: MapArea[];
  legends: Record<MapShading, MapLegendItem[]>;
  /** Whether any council has a verdict other than "not compared": otherwise shading by verdict says nothing. */
  hasVerdicts: boolean;
  withFigure: number;
}

/** Okabe-Ito blue and vermilion for a difference the interval supports, grey for none; words in the legend. */
export const VERDICT_FILLS: Record<Verdict, string> = {
  better: "#0072B2",
  higher: "#0072B2",
  worse: "#D55E00",
  lower: "#D55E00",
  similar: "#b1b4b6",
  not_compared: "#f3f2f1",
};
const VERDICT_ORDER: Verdict[] = ["better", "higher", "similar", "worse", "lower", "not_compared"];
const NO_FIGURE: MapFill = { kind: "no-figure" };
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Joins the outlines with one period's comparison: each council's fill by value band and by verdict, and the legends. */
export function toMapModel(boundaries: BoundarySet, comparison: AreaComparison): MapModel {
  const { indicator, benchmark } = comparison;
  const format = (value: number) => formatValue(value, indicator.unit, indicator.decimalPlaces);
  const observations = new Map(comparison.observations.map((observation) => [observation.areaCode, observation]));
  const drawnValues = boundaries.areas.flatMap((area) => {
    const value = observations.get(area.code)?.value;
    return value === null || value === undefined ? [] : [value];
  });
  const { breaks, bands } = toValueBands(drawnValues);
  const bandLabels = bands.map((band, position) => formatBandLabel(band, position, bands.length, format));

  const areas: MapArea[] = boundaries.areas.map((area) => {
    const observation = observations.get(area.code);
    const value = observation?.value ?? null;
    const verdict = observation?.comparison?.verdict ?? "not_compared";
    const valueText = observation
      ? formatObservedValue(value, observation.status, indicator.unit, indicator.decimalPlaces)
      : "No data";
    const band = value === null ? null : toBandIndex(value, breaks);
    const bandFill = band === null ? undefined : bands[band]?.fill;
    const statusText = observation ? formatStatus(observation.status) : null;
    const description =
      value === null
        ? `${area.name}: no figure${statusText ? ` (${statusText})` : ""}`
        : `${area.name}: ${valueText}, ${lowerFirst(formatVerdict(verdict, benchmark.areaName))}`;
    return {
      ...area,
      isFocus: area.code === COUNCIL_AREA_CODE,
      hasFigure: value !== null,
      valueText,
      description,
      fill: {
        value: bandFill ? { kind: "colour", colour: bandFill } : NO_FIGURE,
        verdict: value === null ? NO_FIGURE : { kind: "colour", colour: VERDICT_FILLS[verdict] },
      },
    };
  });

  const namesWhere = (test: (area: MapArea) => boolean) =>
    areas
      .filter(test)
      .map((area) => area.name)
      .sort((a, b) => a.localeCompare(b, "en-GB"));
  const withoutFigure = namesWhere((area) => !area.hasFigure);
  const noFigureItem: MapLegendItem[] = withoutFigure.length
    ? [
        {
          key: "no-figure",
          fill: NO_FIGURE,
          text: `No figure (${formatCouncilCount(withoutFigure.length)})`,
          areaNames: withoutFigure,
        },
      ]
    : [];

  const valueLegend: MapLegendItem[] = bands.map((band, position) => ({
    key: `band-${position}`,
    fill: { kind: "colour", colour: band.fill },
    text: bandLabels[position] as string,
    areaNames: namesWhere((area) => area.fill.value.kind === "colour" && area.fill.value.colour === band.fill),
  }));

  const verdictOf = (area: MapArea) => observations.get(area.code)?.comparison?.verdict ?? "not_compared";
  const verdictLegend: MapLegendItem[] = VERDICT_ORDER.flatMap((verdict) => {
    const names = namesWhere((area) => area.hasFigure && verdictOf(area) === verdict);
    if (names.length === 0) return [];
    const words = verdict === "not_compared" ? "Not compared" : formatVerdict(verdict, benchmark.areaName);
    return [
      {
        key: verdict,
        fill: { kind: "colour", colour: VERDICT_FILLS[verdict] } as const,
        text: `${VERDICTS[verdict].symbol} ${words} (${formatCouncilCount(names.length)})`,
        areaNames: names,
      },
    ];
  });

  return {
    areas,
    legends: { value: [...valueLegend, ...noFigureItem], verdict: [...verdictLegend, ...noFigureItem] },
    hasVerdicts: areas.some((area) => area.hasFigure && verdictOf(area) !== "not_compared"),
    withFigure: drawnValues.length,
  };
}
