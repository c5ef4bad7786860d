import type { AreaComparison, AreaGroupChoice, Indicator, Verdict } from "@plan-outcomes/server/contract";
import { useSuspenseQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../../components/chart-frame.tsx";
import { ComparisonBadge } from "../../../components/comparison-badge.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { formatAxisTick, formatPolarity, formatUnitLabel, formatValue, VERDICTS } from "../../../lib/format.ts";
import { comparisonQuery } from "../api/indicator-queries.ts";
import { AREA_GROUP_LABELS, type ComparisonBar, toComparisonBars } from "../utils/to-comparison-bars.ts";
import { CsvDownloadButton } from "./csv-download-button.tsx";

export interface CompareChoice {
  among: AreaGroupChoice;
  period: string | null;
}

interface CompareAreasProps {
  indicator: Indicator;
  choice: CompareChoice;
  onChoose: (choice: CompareChoice) => void;
}

/** Colour repeats the verdict symbol in each bar's label; Okabe-Ito blue and vermilion, greys at 3:1 or more. */
const VERDICT_FILL: Record<Verdict, string> = {
  better: "#0072B2",
  worse: "#D55E00",
  similar: "#6f777b",
  higher: "#0072B2",
  lower: "#D55E00",
  not_compared: "#505a5f",
};
const BAR_HEIGHT = 26;
const AXIS_TEXT = { fill: "#0b0c0c", fontSize: 14 };

/** One period across a group of areas, ranked, with 95% interval whiskers and the benchmark as a line. */
export function CompareAreas({ indicator, choice, onChoose }: CompareAreasProps) {
  return (
    <section aria-labelledby="compare-heading" className="section">
      <h2 className="heading-m" id="compare-heading">
        Compare areas
      </h2>
      <QueryBoundary
        resetKeys={[indicator.code, choice.among, choice.period]}
        loading={<LoadingState label="Loading the comparison" />}
        error={({ error, retry }) => (
          <ErrorState error={error} headingLevel={3} onRetry={retry} notFoundTitle="No figures for that choice" />
        )}
      >
        <CompareAreasContent indicator={indicator} choice={choice} onChoose={onChoose} />
      </QueryBoundary>
    </section>
  );
}

function CompareAreasContent({ indicator, choice, onChoose }: CompareAreasProps) {
  const { data: comparison } = useSuspenseQuery(comparisonQuery(indicator.code, choice.among, choice.period));
  const bars = toComparisonBars(comparison);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const among = String(data.get("among")) as AreaGroupChoice;
    // A new group has its own periods: start from its latest.
    onChoose({ among, period: among === choice.among ? String(data.get("period") || "") || null : null });
  }

  return (
    <>
      <form
        className="chooser"
        onSubmit={submit}
        key={`${choice.among}|${choice.period}`}
        aria-label="Choose areas to compare"
      >
        <div className="form-group">
          <label className="label" htmlFor="compare-among">
            Areas
          </label>
          <select className="select" id="compare-among" name="among" defaultValue={comparison.among}>
            {(Object.keys(AREA_GROUP_LABELS) as AreaGroupChoice[]).map((among) => (
              <option key={among} value={among}>
                {AREA_GROUP_LABELS[among]}
              </option>
            ))}
          </select>
        </div>
        {comparison.periods.length > 0 ? (
          <div className="form-group">
            <label className="label" htmlFor="compare-period">
              Period
            </label>
            <select className="select" id="compare-period" name="period" defaultValue={comparison.period?.code}>
              {[...comparison.periods].reverse().map((period) => (
                <option key={period.code} value={period.code}>
                  {period.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button">
          Compare
        </button>
      </form>
      {bars.length === 0 || !comparison.period ? (
        <p className="empty-state">
          There are no figures of this indicator for {AREA_GROUP_LABELS[comparison.among].toLowerCase()}.
        </p>
      ) : (
        <ComparisonChartAndTable indicator={indicator} comparison={comparison} bars={bars} />
      )}
    </>
  );
}

function ComparisonChartAndTable({
  indicator,
  comparison,
  bars,
}: {
  indicator: Indicator;
  comparison: AreaComparison;
  bars: ComparisonBar[];
}) {
  const format = (value: number) => formatValue(value, indicator.unit, indicator.decimalPlaces);
  const { benchmark } = comparison;
  const periodLabel = comparison.period?.label ?? "";
  const drawn = bars.filter((bar) => bar.value !== null);
  const missing = bars.filter((bar) => bar.value === null);
  const groupName = AREA_GROUP_LABELS[comparison.among];
  const description =
    `Bar chart of ${indicator.title} for ${groupName.toLowerCase()}, ${periodLabel}, highest first, with 95% confidence intervals` +
    `${benchmark.value === null ? "" : ` and ${benchmark.areaName} (${format(benchmark.value)}) as a line`}. ` +
    `${drawn.length} areas have a figure${missing.length ? `; ${missing.length} have none and are listed in the table` : ""}. ` +
    "Every figure is in the table below the chart.";
  const tickFor = new Map(drawn.map((bar) => [bar.areaName, bar]));
  const illustrative = bars.some((bar) => bar.isIllustrative);

  return (
    <>
      <ChartFrame
        title={`${indicator.title}: ${groupName}, ${periodLabel}`}
        description={description}
        source={illustrative ? "Illustrative figures: not published statistics" : "Source: as in the table of figures"}
        legend={
          <p className="chart-frame__note">
            {formatUnitLabel(indicator.unit)}. {formatPolarity(indicator.polarity)}. Whiskers show 95% confidence
            intervals; the dashed line is {benchmark.areaName}. Each area is marked ▲ better, ● similar, ▼ worse than{" "}
            {benchmark.areaName}, or ◆ not compared; Dorset is in bold.
          </p>
        }
      >
        <BarChart
          data={drawn}
          layout="vertical"
          responsive
          style={{ width: "100%", height: drawn.length * BAR_HEIGHT + 70 }}
          margin={{ top: 8, right: 32, bottom: 32, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, "auto"]}
            tick={AXIS_TEXT}
            stroke="#505a5f"
            tickFormatter={(value: number) => formatAxisTick(value, indicator.unit)}
            label={{ value: formatUnitLabel(indicator.unit), position: "bottom", offset: 12, ...AXIS_TEXT }}
          />
          <YAxis
            type="category"
            dataKey="areaName"
            width={220}
            stroke="#505a5f"
            interval={0}
            tick={({ x, y, payload }) => {
              const bar = tickFor.get(String(payload.value));
              return (
                <text
                  x={x}
                  y={y}
                  dy={5}
                  textAnchor="end"
                  fontSize={14}
                  fill="#0b0c0c"
                  fontWeight={bar?.isFocus ? 700 : 400}
                >
                  {`${bar ? VERDICTS[bar.verdict].symbol : ""} ${payload.value}`}
                </text>
              );
            }}
          />
          {benchmark.value === null ? null : (
            <ReferenceLine x={benchmark.value} stroke="#0b0c0c" strokeWidth={2} strokeDasharray="6 3" />
          )}
          <Bar dataKey="value" isAnimationActive={false} barSize={16}>
            {drawn.map((bar) => (
              <Cell
                key={bar.areaCode}
                fill={VERDICT_FILL[bar.verdict]}
                stroke={bar.isFocus ? "#0b0c0c" : "none"}
                strokeWidth={bar.isFocus ? 3 : 0}
              />
            ))}
            <ErrorBar dataKey="error" direction="x" width={6} stroke="#0b0c0c" strokeWidth={1.5} />
          </Bar>
        </BarChart>
      </ChartFrame>

      <TableScroll label={`${indicator.title}: ${groupName}`}>
        <table className="table">
          <caption className="table__caption">
            {indicator.title}: {groupName}, {periodLabel}, highest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" className="table__numeric">
                Value
              </th>
              <th scope="col" className="table__numeric">
                95% confidence interval
              </th>
              <th scope="col">Compared with {benchmark.areaName}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.areaCode}>
                <th scope="row" className={bar.isFocus ? "table__focus" : undefined}>
                  {bar.areaName}
                </th>
                <td className="table__numeric">{bar.statusText ?? bar.valueText}</td>
                <td className="table__numeric">{bar.intervalText}</td>
                <td>
                  {bar.verdictText === "Benchmark" ? (
                    "Benchmark"
                  ) : (
                    <ComparisonBadge verdict={bar.verdict} benchmarkName={benchmark.areaName} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>
        <CsvDownloadButton
          fileName={`${indicator.code}_${comparison.among}_${comparison.period?.code ?? ""}.csv`}
          header={[
            "Area",
            "Area code",
            "Period",
            "Value",
            "95% confidence interval",
            `Compared with ${benchmark.areaName}`,
          ]}
          rows={bars.map((bar) => [
            bar.areaName,
            bar.areaCode,
            periodLabel,
            bar.statusText ?? bar.valueText,
            bar.intervalText,
            bar.verdictText,
          ])}
          label="Download this comparison as CSV"
        />
      </p>
    </>
  );
}
