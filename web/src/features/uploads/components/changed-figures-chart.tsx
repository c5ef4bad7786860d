import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../../components/chart-frame.tsx";
import { type ChangeGroup, formatPreviewValue } from "../utils/to-report-summary.ts";

/** More bars than this would not fit a readable chart: the table beneath lists every change. */
export const CHART_MAX_CHANGES = 20;

const AXIS_TEXT = { fill: "#0b0c0c", fontSize: 14 };
const OLD_COLOUR = "#505a5f";
const NEW_COLOUR = "#1d70b8";
const HATCH_ID = "uploads-old-value-hatch";

/** Old values are hatched and outlined, new ones solid: the two differ in pattern as well as colour. */
function OldValueSwatch() {
  return (
    <svg width="24" height="16" aria-hidden="true" focusable="false" className="series-swatch">
      <defs>
        <pattern
          id={`${HATCH_ID}-key`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={OLD_COLOUR} strokeWidth="3" />
        </pattern>
      </defs>
      <rect x="1" y="1" width="22" height="14" fill={`url(#${HATCH_ID}-key)`} stroke={OLD_COLOUR} strokeWidth="2" />
    </svg>
  );
}

function NewValueSwatch() {
  return (
    <svg width="24" height="16" aria-hidden="true" focusable="false" className="series-swatch">
      <rect x="1" y="1" width="22" height="14" fill={NEW_COLOUR} stroke="#0b0c0c" strokeWidth="1" />
    </svg>
  );
}

/**
 * Old against new for the changed figures of one indicator: a pair of bars per area and period. Old values are
 * hatched, new ones solid; a figure that is a symbol (no value) has no bar. The table beneath carries every figure.
 */
export function ChangedFiguresChart({ group, title }: { group: ChangeGroup; title: string | undefined }) {
  const name = title ?? group.indicatorCode;
  const shown = group.changes.slice(0, CHART_MAX_CHANGES);
  const points = shown.map((change) => ({ label: change.label, old: change.oldValue, new: change.newValue }));
  const description =
    `Bar chart comparing old and new values of ${shown.length} changed figures of ${name}: ` +
    shown
      .map(
        (change) =>
          `${change.label}, ${formatPreviewValue(change.oldValue)} before, ${formatPreviewValue(change.newValue)} after`,
      )
      .join("; ") +
    ". Every changed figure is in the table below the chart.";

  return (
    <div className="uploads-chart">
      <ChartFrame
        title={`${name}: old and new values of the changed figures`}
        description={description}
        source={
          group.changes.length > shown.length
            ? `The first ${shown.length} of ${group.changes.length} changes; the table lists them all.`
            : "From the uploaded file, against the figures published now."
        }
        legend={
          <ul className="chart-legend" aria-label="Key">
            <li className="chart-legend__item">
              <OldValueSwatch />
              Old value (published now), hatched
            </li>
            <li className="chart-legend__item">
              <NewValueSwatch />
              New value (in this file), solid
            </li>
          </ul>
        }
      >
        <BarChart
          data={points}
          layout="vertical"
          responsive
          style={{ width: "100%", height: 80 + shown.length * 48 }}
          margin={{ top: 8, right: 24, bottom: 28, left: 8 }}
          barGap={2}
          accessibilityLayer={false}
        >
          <defs>
            <pattern id={HATCH_ID} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke={OLD_COLOUR} strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, "auto"]}
            tick={AXIS_TEXT}
            stroke="#505a5f"
            tickFormatter={(value: number) => formatPreviewValue(value)}
            label={{ value: "Value, in the file's unit", position: "bottom", offset: 4, ...AXIS_TEXT }}
          />
          <YAxis type="category" dataKey="label" tick={AXIS_TEXT} stroke="#505a5f" width={170} />
          <Tooltip
            formatter={(value) => (typeof value === "number" ? formatPreviewValue(value) : "No value")}
            contentStyle={{ border: "1px solid #0b0c0c", borderRadius: 0, color: "#0b0c0c" }}
          />
          <Bar
            dataKey="old"
            name="Old value"
            fill={`url(#${HATCH_ID})`}
            stroke={OLD_COLOUR}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Bar
            dataKey="new"
            name="New value"
            fill={NEW_COLOUR}
            stroke="#0b0c0c"
            strokeWidth={1}
            isAnimationActive={false}
          />
        </BarChart>
      </ChartFrame>
    </div>
  );
}
