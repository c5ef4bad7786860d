import type { Area, AreaProfile } from "@plan-outcomes/server/contract";
import { useSuspenseQueries } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../../components/chart-frame.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { COUNCIL_AREA_CODE } from "../../../lib/area-queries.ts";
import { councilLocalAreas } from "../../../lib/council-areas.ts";
import { formatAxisTick, formatCompactValue, formatList, formatUnitLabel } from "../../../lib/format.ts";
import { paths, type ScatterChoice } from "../../../lib/paths.ts";
import { profileQueries } from "../api/profile-queries.ts";
import { chooseAxes, type ScatterAxis, toScatterAxes } from "../utils/to-scatter-axes.ts";
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

/** Two measures (indicators, or deprivation) plotted against each other across the sibling areas, with a table. */
export function ProfileScatter({ profile, areas, choice, onChoose }: ProfileScatterProps) {
  const siblingCodes = siblingCodesOf(profile.area, areas);
  const axes = toScatterAxes(profile);
  const chosen = chooseAxes(axes, choice);
  if (siblingCodes.length < 3 || !chosen) return null;
  const { x, y } = chosen;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onChoose({ x: String(data.get("x") ?? ""), y: String(data.get("y") ?? "") });
  }

  return (
    <section className="section" aria-labelledby="profile-scatter-heading">
      <h2 className="heading-m" id="profile-scatter-heading">
        Two measures across the {profile.area.siblingsLabel}
      </h2>
      <p>
        Each point is one of the {profile.area.siblingsLabel}. Plot any indicator against deprivation or against another
        indicator. A pattern here is an association, not a cause, and it is not tested statistically.
      </p>
      <form
        className="chooser"
        onSubmit={handleSubmit}
        // Remounted when the URL's choice changes (back, forward), so the lists show what is plotted.
        key={`${x.code}|${y.code}`}
        aria-label="Choose two measures to plot"
      >
        <div className="form-group">
          <label className="label" htmlFor="scatter-x">
            Across (horizontal)
          </label>
          <select className="select" id="scatter-x" name="x" defaultValue={x.code}>
            {axes.map((axis) => (
              <option key={axis.code} value={axis.code}>
                {axis.title}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="label" htmlFor="scatter-y">
            Up (vertical)
          </label>
          <select className="select" id="scatter-y" name="y" defaultValue={y.code}>
            {axes.map((axis) => (
              <option key={axis.code} value={axis.code}>
                {axis.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show chart
        </button>
      </form>
      <QueryBoundary
        resetKeys={[x.code, y.code]}
        loading={<LoadingState label="Loading the figures for the chart" />}
        error={({ error, retry }) => <ErrorState error={error} headingLevel={3} onRetry={retry} />}
      >
        <ScatterFigure x={x} y={y} areaCode={profile.area.code} siblingCodes={siblingCodes} profile={profile} />
      </QueryBoundary>
    </section>
  );
}

interface ScatterFigureProps {
  x: ScatterAxis;
  y: ScatterAxis;
  areaCode: string;
  siblingCodes: string[];
  profile: AreaProfile;
}

function ScatterFigure({ x, y, areaCode, siblingCodes, profile }: ScatterFigureProps) {
  // Deprivation comes with the profile; indicators' sibling figures are fetched for the axis's period.
  const fetched = [x, y].filter((axis) => axis.figures === null);
  const answers = useSuspenseQueries({
    queries: fetched.map((axis) => profileQueries.siblingFigures(axis.code, siblingCodes, axis.period?.code ?? "")),
  });
  const figuresOf = (axis: ScatterAxis) => axis.figures ?? answers[fetched.indexOf(axis)]?.data.observations ?? [];
  const data = toScatterPoints(figuresOf(x), figuresOf(y), siblingCodes, areaCode);
  const formatX = (value: number) => formatCompactValue(value, x.unit, x.decimalPlaces);
  const formatY = (value: number) => formatCompactValue(value, y.unit, y.decimalPlaces);
  const title = `${y.title} (${y.period?.label}) against ${x.title} (${x.period?.label})`;
  const description = `Scatter chart of ${title} for ${data.points.length} ${profile.area.siblingsLabel}: ${data.points
    .map((point) => `${point.areaName} ${formatX(point.x)} across, ${formatY(point.y)} up`)
    .join("; ")}. The same figures are in the table below.`;
  const notes = [x.note, y === x ? null : y.note].filter((note): note is string => note !== null);

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
        source={
          x.figures || y.figures
            ? "Source: the figures in the profile above; English Indices of Deprivation 2019 (MHCLG), through the locality lookup"
            : "Source: the figures in the profile above"
        }
        legend={
          <p className="chart-frame__note">
            Across: {formatUnitLabel(x.unit)}. Up: {formatUnitLabel(y.unit)}. {profile.area.name} is the larger, ringed
            and named point; the table below names every point.
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
            tickFormatter={(value: number) => formatAxisTick(value, x.unit)}
            label={{ value: x.title, position: "bottom", offset: 16, ...AXIS_TEXT }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={["auto", "auto"]}
            tick={AXIS_TEXT}
            stroke="#505a5f"
            width={80}
            tickFormatter={(value: number) => formatAxisTick(value, y.unit)}
            label={{
              value: y.title,
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
      {notes.map((note) => (
        <p className="chart-frame__note" key={note}>
          {note} <Link to={paths.methodology("deprivation")}>How deprivation is built</Link>
        </p>
      ))}
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
                {x.title} ({x.period?.label})
              </th>
              <th scope="col" className="table__numeric">
                {y.title} ({y.period?.label})
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
