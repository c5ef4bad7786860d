import type { Indicator } from "@plan-outcomes/server/contract";
import type { ReactNode } from "react";
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../../components/chart-frame.tsx";
import {
  formatAxisTick,
  formatList,
  formatPeriodType,
  formatPolarity,
  formatUnitLabel,
  formatValue,
} from "../../../lib/format.ts";
import type { ChartPoint, ChartSeries } from "../utils/to-chart-points.ts";
import { SeriesMarker, SeriesSwatch, seriesStyle } from "./series-marker.tsx";

interface IndicatorTrendChartProps {
  indicator: Pick<Indicator, "title" | "unit" | "decimalPlaces" | "polarity" | "periodType">;
  series: readonly ChartSeries[];
  points: readonly ChartPoint[];
  source: ReactNode;
  /** Said before the chart's title: what state of the figures it draws (e.g. "Once published"). */
  state?: string;
}

const AXIS_TEXT = { fill: "#0b0c0c", fontSize: 14 };

/**
 * The indicator over time, one line per area. Lines differ by colour, dash and marker; a missing
 * figure is a gap (connectNulls off). Screen readers get a one-sentence summary; the table beneath has the figures.
 */
export function IndicatorTrendChart({ indicator, series, points, source, state }: IndicatorTrendChartProps) {
  const first = points[0]?.periodLabel ?? "";
  const last = points.at(-1)?.periodLabel ?? "";
  const format = (value: number) => formatValue(value, indicator.unit, indicator.decimalPlaces);
  const latestText = series
    .map((line) => {
      const latest = points.findLast((point) => point.values[line.areaCode] != null);
      const value = latest?.values[line.areaCode];
      return value == null || !latest ? null : `${line.areaName} ${format(value)} (${latest.periodLabel})`;
    })
    .filter(Boolean)
    .join(", ");
  const title = `${state ? `${state}: ` : ""}${indicator.title}`;
  const description =
    `Line chart of ${title} for ${formatList(series.map((line) => line.areaName))}, ${first} to ${last}. ` +
    (latestText ? `Latest figures: ${latestText}. ` : "") +
    "All figures are in the table below the chart.";

  return (
    <ChartFrame
      title={`${title}, ${first} to ${last}`}
      description={description}
      source={source}
      legend={
        <div className="chart-frame__key">
          <p className="chart-frame__note">
            {formatUnitLabel(indicator.unit)}. {formatPolarity(indicator.polarity)}. Gaps in a line are periods without
            a published figure.
            {points.some((point) => Object.values(point.intervals).some(Boolean))
              ? " Shaded bands are 95% confidence intervals."
              : ""}
          </p>
          <ul className="chart-legend" aria-label="Key">
            {series.map((line, index) => (
              <li key={line.areaCode} className="chart-legend__item">
                <SeriesSwatch style={seriesStyle(index)} />
                {line.areaName}
              </li>
            ))}
          </ul>
        </div>
      }
    >
      <ComposedChart
        data={points as ChartPoint[]}
        responsive
        style={{ width: "100%", height: 360 }}
        margin={{ top: 8, right: 24, bottom: 32, left: 16 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" vertical={false} />
        <XAxis
          dataKey="periodLabel"
          tick={AXIS_TEXT}
          tickMargin={8}
          stroke="#505a5f"
          interval="preserveStartEnd"
          minTickGap={16}
          label={{ value: formatPeriodType(indicator.periodType), position: "bottom", offset: 12, ...AXIS_TEXT }}
        />
        <YAxis
          domain={[0, "auto"]}
          tick={AXIS_TEXT}
          stroke="#505a5f"
          width={72}
          tickFormatter={(value: number) => formatAxisTick(value, indicator.unit)}
          label={{
            value: formatUnitLabel(indicator.unit),
            angle: -90,
            position: "insideLeft",
            style: { textAnchor: "middle" },
            ...AXIS_TEXT,
          }}
        />
        <Tooltip
          formatter={(value) => (typeof value === "number" ? format(value) : "No figure")}
          contentStyle={{ border: "1px solid #0b0c0c", borderRadius: 0, color: "#0b0c0c" }}
        />
        {/* Bands first, under every line: the 95% interval of each area that has one. */}
        {series.map((line, index) =>
          points.some((point) => point.intervals[line.areaCode]) ? (
            <Area
              key={`${line.areaCode}-band`}
              name={`${line.areaName} 95% confidence interval`}
              dataKey={(point: ChartPoint) => point.intervals[line.areaCode] ?? null}
              type="linear"
              stroke="none"
              fill={seriesStyle(index).color}
              fillOpacity={0.14}
              connectNulls={false}
              isAnimationActive={false}
              legendType="none"
              tooltipType="none"
              activeDot={false}
            />
          ) : null,
        )}
        {series.map((line, index) => {
          const style = seriesStyle(index);
          return (
            <Line
              key={line.areaCode}
              name={line.areaName}
              dataKey={(point: ChartPoint) => point.values[line.areaCode] ?? null}
              type="linear"
              stroke={style.color}
              strokeWidth={2.5}
              strokeDasharray={style.dash}
              connectNulls={false}
              isAnimationActive={false}
              dot={({ cx, cy, value, index: pointIndex }) =>
                value == null || cx == null || cy == null ? (
                  <g key={`${line.areaCode}-${pointIndex}`} />
                ) : (
                  <SeriesMarker
                    key={`${line.areaCode}-${pointIndex}`}
                    shape={style.marker}
                    color={style.color}
                    cx={cx}
                    cy={cy}
                  />
                )
              }
              activeDot={({ cx, cy }) =>
                cx == null || cy == null ? (
                  <g />
                ) : (
                  <SeriesMarker shape={style.marker} color={style.color} cx={cx} cy={cy} size={7} />
                )
              }
            />
          );
        })}
      </ComposedChart>
    </ChartFrame>
  );
}
