import type { Headline } from "@plan-outcomes/server/contract";
import { toSparkline } from "../utils/to-sparkline.ts";

interface SparklineProps {
  trend: Headline["trend"];
  /** The trend in words: what a screen reader hears instead of the picture. */
  label: string;
}

const WIDTH = 112;
const HEIGHT = 32;

/** A small picture of the figures over time; gaps where a figure is missing; the latest point is filled. */
export function Sparkline({ trend, label }: SparklineProps) {
  const line = toSparkline(trend, WIDTH, HEIGHT);
  if (!line) return null;
  const last = line.points.at(-1);
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={label}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      focusable="false"
    >
      <path d={line.path} fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" />
      {line.points.map((point) => (
        <circle
          key={point.periodLabel}
          cx={point.x}
          cy={point.y}
          r={point === last ? 3.5 : 2}
          fill={point === last ? "currentColor" : "#ffffff"}
          stroke="currentColor"
          strokeWidth={1.5}
        />
      ))}
    </svg>
  );
}
