import type { SpineRow } from "../utils/to-spine-row.ts";

const WIDTH = 160;
const HEIGHT = 24;
const MID = HEIGHT / 2;

interface SpineChartProps {
  row: SpineRow;
  /** Everything the row shows, in words: the chart is an image to screen readers. */
  label: string;
}

/**
 * One row of a Fingertips-style spine chart: the sibling areas' range as a pale bar, their middle half
 * darker, the benchmark as an upright line, the area as a circle and a second area as a diamond.
 */
export function SpineChart({ row, label }: SpineChartProps) {
  const x = (position: number) => position * WIDTH;
  return (
    <svg
      className="spine-chart"
      role="img"
      aria-label={label}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
    >
      <line className="spine-chart__axis" x1={0} x2={WIDTH} y1={MID} y2={MID} />
      {row.range ? (
        <rect
          className="spine-chart__range"
          x={x(row.range.from)}
          width={Math.max(x(row.range.to) - x(row.range.from), 1)}
          y={MID - 6}
          height={12}
        />
      ) : null}
      {row.middle ? (
        <rect
          className="spine-chart__middle"
          x={x(row.middle.from)}
          width={Math.max(x(row.middle.to) - x(row.middle.from), 1)}
          y={MID - 6}
          height={12}
        />
      ) : null}
      {row.benchmark !== null ? (
        <line className="spine-chart__benchmark" x1={x(row.benchmark)} x2={x(row.benchmark)} y1={1} y2={HEIGHT - 1} />
      ) : null}
      {row.compareMarker !== null ? (
        <path className="spine-chart__compare" d={`M ${x(row.compareMarker)} ${MID - 7} l 7 7 l -7 7 l -7 -7 z`} />
      ) : null}
      {row.marker !== null ? <circle className="spine-chart__marker" cx={x(row.marker)} cy={MID} r={6} /> : null}
    </svg>
  );
}

/** The key to the spine chart's shapes. */
export function SpineChartKey({
  areaName,
  compareName,
  benchmarkName,
  siblingsLabel,
}: {
  areaName: string;
  compareName: string | null;
  benchmarkName: string;
  siblingsLabel: string | null;
}) {
  return (
    <ul className="spine-key" aria-label="Key to the spine charts">
      <li>
        <svg width="16" height="16" aria-hidden="true" className="spine-chart">
          <circle className="spine-chart__marker" cx={8} cy={8} r={6} />
        </svg>
        {areaName}
      </li>
      {compareName ? (
        <li>
          <svg width="16" height="16" aria-hidden="true" className="spine-chart">
            <path className="spine-chart__compare" d="M 8 1 l 7 7 l -7 7 l -7 -7 z" />
          </svg>
          {compareName} (drawn when its figure is for the same period)
        </li>
      ) : null}
      <li>
        <svg width="16" height="16" aria-hidden="true" className="spine-chart">
          <line className="spine-chart__benchmark" x1={8} x2={8} y1={0} y2={16} />
        </svg>
        {benchmarkName}, in the middle of each row
      </li>
      {siblingsLabel ? (
        <>
          <li>
            <svg width="24" height="16" aria-hidden="true" className="spine-chart">
              <rect className="spine-chart__range" x={1} y={2} width={22} height={12} />
            </svg>
            Range of the {siblingsLabel}
          </li>
          <li>
            <svg width="24" height="16" aria-hidden="true" className="spine-chart">
              <rect className="spine-chart__middle" x={1} y={2} width={22} height={12} />
            </svg>
            Middle half of the {siblingsLabel} (25th to 75th percentile)
          </li>
        </>
      ) : null}
    </ul>
  );
}
