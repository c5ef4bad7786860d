import type { DraftChart } from "@plan-outcomes/server/contract";
import { useId, useMemo, useState } from "react";
import { SelectField } from "../../../components/form-fields.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { formatObservedValue } from "../../../lib/format.ts";
import { IndicatorTrendChart } from "../../indicators/components/indicator-trend-chart.tsx";
import { draftChangeOf, draftChartTitle, firstWorthSeeing, toDraftChartData } from "../utils/to-draft-chart.ts";

/**
 * The charts redrawn on the draft: one indicator at a time, its headline series (or, for an indicator the file gives
 * no total for, its first breakdown) as its page will draw them once the file is published, and beneath, every figure
 * of the chart as published now and once published.
 */
export function DraftCharts({ charts, fileName }: { charts: readonly DraftChart[]; fileName: string }) {
  const chooserId = useId();
  // First shown: an indicator whose published figures change, else one with new figures.
  const [chosen, setChosen] = useState(() => firstWorthSeeing(charts)?.indicatorCode ?? "");
  const chart = charts.find((candidate) => candidate.indicatorCode === chosen) ?? charts[0];
  const data = useMemo(() => (chart ? toDraftChartData(chart) : undefined), [chart]);
  // The table as the indicator page's: newest period first, areas in the chart's order.
  const rows = useMemo(() => {
    if (!chart || !data) return [];
    const period = new Map(data.points.map((point, index) => [point.periodCode, index]));
    const area = new Map(chart.areas.map((one, index) => [one.code, index]));
    const at = (map: Map<string, number>, key: string) => map.get(key) ?? 0;
    return chart.figures.toSorted(
      (a, b) => at(period, b.periodCode) - at(period, a.periodCode) || at(area, a.areaCode) - at(area, b.areaCode),
    );
  }, [chart, data]);
  if (!chart || !data) return null;
  const shown = (figure: DraftChart["figures"][number]["published"]) =>
    figure ? formatObservedValue(figure.value, figure.status, chart.unit, chart.decimalPlaces) : "None";
  const areaName = new Map(chart.areas.map((area) => [area.code, area.name]));
  const title = draftChartTitle(chart);
  return (
    <>
      <h3 className="heading-s" id="draft-charts-title">
        Charts redrawn on the draft
      </h3>
      <p>
        Each indicator's headline figures (or, where the file gives no total, its first breakdown) as its page will show
        them once this file is published, for{" "}
        {charts.length === 1 ? "the one indicator" : `each of ${charts.length} indicators`} the file gives figures for.
      </p>
      {charts.length > 1 ? (
        <SelectField
          id={chooserId}
          label="Indicator redrawn"
          value={chart.indicatorCode}
          onChange={(event) => setChosen(event.currentTarget.value)}
        >
          {charts.map((candidate) => (
            <option key={candidate.indicatorCode} value={candidate.indicatorCode}>
              {draftChartTitle(candidate)} ({candidate.indicatorCode})
            </option>
          ))}
        </SelectField>
      ) : null}
      <IndicatorTrendChart
        indicator={{ ...chart, title }}
        series={data.series}
        points={data.points}
        state="Once published"
        source={<>Draft: {fileName}, not published yet</>}
      />
      <TableScroll label={`Figures of ${title}, now and once published`}>
        <table className="table table--compact">
          <caption className="table__caption heading-s">
            {title}: every figure of the chart, newest first, now and once published
          </caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Area</th>
              <th scope="col" className="uploads-number">
                Published now
              </th>
              <th scope="col" className="uploads-number">
                Once published
              </th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((figure) => (
              <tr key={`${figure.periodCode}:${figure.areaCode}`}>
                <td>{figure.periodLabel}</td>
                <td>{areaName.get(figure.areaCode) ?? figure.areaCode}</td>
                <td className="uploads-number">{shown(figure.published)}</td>
                <td className="uploads-number">{shown(figure.after)}</td>
                <td>{draftChangeOf(figure)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
