import type { Observation } from "@plan-outcomes/server/contract";

/** An area's figure on one axis: an observation, or a figure built for the profile (deprivation). */
export type ScatterFigure = Pick<Observation, "areaCode" | "areaName" | "value" | "isIllustrative">;

export interface ScatterPoint {
  areaCode: string;
  areaName: string;
  x: number;
  y: number;
  isIllustrative: boolean;
  isChosen: boolean;
}

export interface ScatterData {
  points: ScatterPoint[];
  /** Areas with a figure for only one of the two indicators (or a symbol instead of a value). */
  missing: string[];
  isIllustrative: boolean;
}

/**
 * One point per sibling area with a value for both indicators in the chosen periods. An area with a
 * suppressed or missing value on either side is listed, never plotted at zero.
 */
export function toScatterPoints(
  xObservations: readonly ScatterFigure[],
  yObservations: readonly ScatterFigure[],
  areaCodes: readonly string[],
  chosenCode: string,
): ScatterData {
  const points: ScatterPoint[] = [];
  const missing: string[] = [];
  for (const code of areaCodes) {
    const x = xObservations.find((o) => o.areaCode === code);
    const y = yObservations.find((o) => o.areaCode === code);
    if (!x && !y) continue;
    if (x?.value == null || y?.value == null) {
      missing.push(x?.areaName ?? y?.areaName ?? code);
      continue;
    }
    points.push({
      areaCode: code,
      areaName: x.areaName,
      x: x.value,
      y: y.value,
      isIllustrative: x.isIllustrative || y.isIllustrative,
      isChosen: code === chosenCode,
    });
  }
  return { points, missing, isIllustrative: points.some((point) => point.isIllustrative) };
}
