import type { Headline } from "@plan-outcomes/server/contract";

export interface Sparkline {
  /** SVG path data, one "M…L…" run per stretch of consecutive values: a missing value breaks the line. */
  path: string;
  points: { x: number; y: number; value: number; periodLabel: string }[];
}

/**
 * Places a trend in a width × height box (with padding for markers). Missing values become gaps, never 0.
 * Null when fewer than two values exist: one point is not a trend.
 */
export function toSparkline(trend: Headline["trend"], width: number, height: number, padding = 4): Sparkline | null {
  const values = trend.map((point) => point.value).filter((value): value is number => value !== null);
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = trend.length > 1 ? (width - 2 * padding) / (trend.length - 1) : 0;
  const toY = (value: number) =>
    max === min ? height / 2 : padding + (height - 2 * padding) * (1 - (value - min) / span);

  const points: Sparkline["points"] = [];
  let path = "";
  let penDown = false;
  trend.forEach((point, index) => {
    if (point.value === null) {
      penDown = false;
      return;
    }
    const x = round(padding + index * step);
    const y = round(toY(point.value));
    points.push({ x, y, value: point.value, periodLabel: point.periodLabel });
    path += `${penDown ? "L" : "M"}${x} ${y}`;
    penDown = true;
  });
  return { path, points };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
