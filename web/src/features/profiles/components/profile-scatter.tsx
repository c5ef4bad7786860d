import type { Area, AreaProfile, ProfileIndicator } from "@plan-outcomes/server/contract";
import { useSuspenseQueries } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../../components/chart-frame.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { COUNCIL_AREA_CODE } from "../../../lib/area-queries.ts";
import { councilLocalAreas } from "../../../lib/council-areas.ts";
import { formatAxisTick, formatCompactValue, formatList, formatUnitLabel } from "../../../lib/format.ts";
import type { ScatterChoice } from "../../../lib/paths.ts";
import { profileQueries } from "../api/profile-queries.ts";
import { toScatterPoints } from "../utils/to-scatter-points.ts";

const AXIS_TEXT = { fill: "#0b0c0c", fontSize: 14 };

/** The areas a locality or LAG area is ranked among: the same kind of area in the same council. */
function siblingCodesOf(area: { code: string; type: string }, areas: readonly Area[]): string[] {
  const { localities, lagAreas } = councilLocalAreas(areas, COUNCIL_AREA_CODE);
  const siblings = area.type === "locality" ? localities : area.type === "lag_area" ? lagAreas : [];
  return siblings.some((sibling) => sibling.code === area.code) ? siblings.map((sibling) => sibling.code) : [];
}

interface ProfileScatterProps {
  profile: AreaProfile;
  areas: readonly Area[];
  /** The indicators asked for (from the URL); the profile's first two with a spread when none or unknown. */
  choice: ScatterChoice;
  onChoose: (choice: ScatterChoice) => void;
}

/** Two indicators plotted against each other across the sibling areas, with the same figures as a table. */
export function ProfileScatter({ profile, areas, choice, onChoose }: ProfileScatterProps) {
  const siblingCodes = siblingCodesOf(profile.area, areas);
  const candidates = profile.priorities
    .flatMap((priority) => priority.indicators)
    .filter((entry) => entry.area.spread !== null && entry.area.latest !== null);
  if (siblingCodes.length < 3 || candidates.length < 2) return null;
  const x = candidates.find((entry) => entry.indicator.code === choice.x) ?? candidates[0];
  const y = candidates.find((entry) => entry.indicator.code === choice.y) ?? candidates[1];
  if (!x || !y) return null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onChoose({ x: String(data.get("x") ?? ""), y: String(data.get("y") ?? "") });
  }

  return (
    <section className="section" aria-labelledby="profile-scatter-heading">
      <h2 className="heading-m" id="profile-scatter-heading">
        Two indicators across the {profile.area.siblingsLabel}
      </h2>
      <p>
        Each point is one of the {profile.area.siblingsLabel}. A pattern here is an association, not a cause, and it is
        not tested statistically.
      </p>
      <form
        className="chooser"
        onSubmit={handleSubmit}
        // Remounted when the URL's choice changes (back, forward), so the lists show what is plotted.
        key={`${x.indicator.code}|${y.indicator.code}`}
        aria-label="Choose two indicators to plot"
      >
        <div className="form-group">
          <label className="label" htmlFor="scatter-x">
            Across (horizontal)
          </label>
          <select className="select" id="scatter-x" name="x" defaultValue={x.indicator.code}>
            {candidates.map((entry) => (
              <option key={entry.indicator.code} value={entry.indicator.code}>
                {entry.indicator.title}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="label" htmlFor="scatter-y">
            Up (vertical)
          </label>
          <select className="select" id="scatter-y" name="y" defaultValue={y.indicator.code}>
            {candidates.map((entry) => (
              <option key={entry.indicator.code} value={entry.indicator.code}>
                {entry.indicator.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show chart
        </button>
      </form>
      <QueryBoundary
        resetKeys={[x.indicator.code, y.indicator.code]}
        loading={<LoadingState label="Loading the figures for the chart" />}
        error={({ error, retry }) => <ErrorState error={error} headingLevel={3} onRetry={retry} />}
      >
        <ScatterFigure x={x} y={y} areaCode={profile.area.code} siblingCodes={siblingCodes} profile={profile} />
      </QueryBoundary>
    </section>
  );
}

interface ScatterFigureProps {
  x: ProfileIndicator;
  y: ProfileIndicator;
  areaCode: string;
  siblingCodes: string[];
  profile: AreaProfile;
}

function ScatterFigure({ x, y, areaCode, siblingCodes, profile }: ScatterFigureProps) {
  const xPeriod = x.area.latest?.period ?? null;
  const yPeriod = y.area.latest?.period ?? null;
  const [{ data: xData }, { data: yData }] = useSuspenseQueries({
    queries: [
      profileQueries.siblingFigures(x.indicator.code, siblingCodes, xPeriod?.code ?? ""),
      profileQueries.siblingFigures(y.indicator.code, siblingCodes, yPeriod?.code ?? ""),
    ],
  });
  const data = toScatterPoints(xData.observations, yData.observations, siblingCodes, areaCode);
  const formatX = (value: number) => formatCompactValue(value, x.indicator.unit, x.indicator.decimalPlaces);
  const formatY = (value: number) => formatCompactValue(value, y.indicator.unit, y.indicator.decimalPlaces);
  const title = `${y.indicator.title} (${yPeriod?.label}) against ${x.indicator.title} (${xPeriod?.label})`;
  const description = `Scatter chart of ${title} for ${data.points.length} ${profile.area.siblingsLabel}: ${data.points
    .map((point) => `${point.areaName} ${formatX(point.x)} across, ${formatY(point.y)} up`)
    .join("; ")}. The same figures are in the table below.`;

  return (
    <>
      {data.isIllustrative ? (
        <p className="profile-scatter__illustrative">
          <strong className="flag flag--illustrative">Illustrative</strong> These figures are illustrative, not
          published statistics: the chart shows how the comparison will work.
        </p>
      ) : null}
      <ChartFrame
        title={title}
        description={description}
        source="Source: the figures in the profile above"
        legend={
          <p className="chart-frame__note">
            Across: {formatUnitLabel(x.indicator.unit)}. Up: {formatUnitLabel(y.indicator.unit)}. {profile.area.name} is
            the larger, ringed and named point; the table below names every point.
          </p>
        }
      >
        <ScatterChart
          responsive
          style={{ width: "100%", height: 380 }}
          margin={{ top: 36, right: 32, bottom: 40, left: 16 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#b1b4b6" strokeDasharray="2 4" />
          <XAxis
            type="number"
            dataKey="x"
            domain={["auto", "auto"]}
            tick={AXIS_TEXT}
            stroke="#505a5f"
            tickFormatter={(value: number) => formatAxisTick(value, x.indicator.unit)}
            label={{ value: x.indicator.title, position: "bottom", offset: 16, ...AXIS_TEXT }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={["auto", "auto"]}
            tick={AXIS_TEXT}
            stroke="#505a5f"
            width={80}
            tickFormatter={(value: number) => formatAxisTick(value, y.indicator.unit)}
            label={{
              value: y.indicator.title,
              angle: -90,
              position: "insideLeft",
              style: { textAnchor: "middle" },
              ...AXIS_TEXT,
            }}
          />
          <Scatter
            data={data.points}
            isAnimationActive={false}
            shape={(props: { cx?: number; cy?: number; payload?: { isChosen?: boolean; areaName?: string } }) => {
              const { cx = 0, cy = 0 } = props;
              // Only the chosen area is named on the chart, so no labels collide; the table names every point.
              return props.payload?.isChosen ? (
                <g>
                  <circle cx={cx} cy={cy} r={10} fill="none" stroke="#0b0c0c" strokeWidth={2} />
                  <circle cx={cx} cy={cy} r={6} fill="#1d70b8" />
                  <text x={cx} y={cy - 16} textAnchor="middle" fill="#0b0c0c" fontSize={14} fontWeight={700}>
                    {props.payload.areaName}
                  </text>
                </g>
              ) : (
                <circle cx={cx} cy={cy} r={5} fill="#505a5f" />
              );
            }}
          />
        </ScatterChart>
      </ChartFrame>
      {data.missing.length > 0 ? (
        <p className="inset">
          Not plotted, for want of a value on both indicators: {formatList(data.missing)}. A suppressed or missing
          figure is never drawn as zero.
        </p>
      ) : null}
      <TableScroll label="Figures in the scatter chart">
        <table className="table">
          <caption className="table__caption">Figures in the scatter chart</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" className="table__numeric">
                {x.indicator.title} ({xPeriod?.label})
              </th>
              <th scope="col" className="table__numeric">
                {y.indicator.title} ({yPeriod?.label})
              </th>
            </tr>
          </thead>
          <tbody>
            {data.points.map((point) => (
              <tr key={point.areaCode}>
                <th scope="row">
                  {point.isChosen ? <strong>{point.areaName}</strong> : point.areaName}
                  {point.isIllustrative ? <span className="visually-hidden"> (illustrative)</span> : null}
                </th>
                <td className="table__numeric">{formatX(point.x)}</td>
                <td className="table__numeric">{formatY(point.y)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
