import type { Indicator } from "@plan-outcomes/server/contract";
import { useSuspenseQueries } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { formatPolarity } from "../../../lib/format.ts";
import { boundaryQueries } from "../api/boundary-queries.ts";
import { comparisonQuery } from "../api/indicator-queries.ts";
import { type MapFill, type MapModel, type MapShading, toMapModel } from "../utils/to-map-model.ts";
import type { CompareChoice } from "./compare-areas.tsx";
import "./la-map.css";

export interface LaMapProps {
  indicator: Indicator;
  /** The compare-areas choice: the map shows its period when it compares councils, else the latest. */
  compare: CompareChoice;
  onCompareChange: (choice: CompareChoice) => void;
}

const SHADING_LABELS: Record<MapShading, string> = {
  value: "Value, in fifths of councils",
  verdict: "Compared with England",
};

/** English councils drawn from their outlines and shaded by one period of the indicator. */
export default function LaMapSection({ indicator, compare, onCompareChange }: LaMapProps) {
  const period = compare.among === "local_authorities" || compare.among === "neighbours" ? compare.period : null;
  return (
    <section aria-labelledby="la-map-heading" className="section">
      <h2 className="heading-m" id="la-map-heading">
        Map of English councils
      </h2>
      <QueryBoundary
        resetKeys={[indicator.code, period]}
        loading={<LoadingState label="Loading the map" />}
        error={({ error, retry }) => (
          <ErrorState error={error} headingLevel={3} onRetry={retry} notFoundTitle="No council figures to map" />
        )}
      >
        <LaMapContent indicator={indicator} period={period} compare={compare} onCompareChange={onCompareChange} />
      </QueryBoundary>
    </section>
  );
}

function LaMapContent({
  indicator,
  period,
  compare,
  onCompareChange,
}: LaMapProps & {
  period: string | null;
}) {
  const [{ data: boundaries }, { data: comparison }] = useSuspenseQueries({
    queries: [boundaryQueries.localAuthorities(), comparisonQuery(indicator.code, "local_authorities", period)],
  });
  const [shading, setShading] = useState<MapShading>("value");
  const ids = useId();
  const model = toMapModel(boundaries, comparison);

  if (boundaries.areas.length === 0) {
    return <p className="empty-state">The council boundaries have not been loaded, so there is no map.</p>;
  }
  if (!comparison.period || model.withFigure === 0) {
    return <p className="empty-state">There are no figures of this indicator for English councils to map.</p>;
  }
  const activeShading: MapShading = model.hasVerdicts ? shading : "value";
  const legend = model.legends[activeShading];
  const hatchId = `${ids}-no-figure`;
  const dorset = model.areas.find((area) => area.isFocus);
  const bandsText = model.legends.value.map((item) => item.text).join("; ");
  const description =
    `Map of England's ${model.areas.length} councils, shaded by ${indicator.title}, ${comparison.period.label}, ` +
    (activeShading === "value"
      ? "in bands of value from lightest (lowest) to darkest (highest): "
      : `by comparison with ${comparison.benchmark.areaName}: `) +
    `${activeShading === "value" ? bandsText : legend.map((item) => item.text).join("; ")}. ` +
    `${dorset ? `Dorset is outlined and labelled: ${dorset.description.replace(/^Dorset: /, "")}. ` : ""}` +
    "Each council's figure is listed under the map.";
  const showsCouncilsTable = compare.among === "local_authorities";

  return (
    <>
      {model.hasVerdicts ? (
        <fieldset className="fieldset la-map__shading">
          <legend className="fieldset__legend">Shade councils by</legend>
          {(Object.keys(SHADING_LABELS) as MapShading[]).map((option) => (
            <div className="checkbox" key={option}>
              <input
                className="checkbox__input"
                type="radio"
                name={`${ids}-shading`}
                id={`${ids}-${option}`}
                value={option}
                checked={activeShading === option}
                onChange={() => setShading(option)}
              />
              <label className="checkbox__label" htmlFor={`${ids}-${option}`}>
                {option === "verdict" ? `Compared with ${comparison.benchmark.areaName}` : SHADING_LABELS[option]}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}

      <figure className="chart-frame la-map">
        <figcaption className="chart-frame__caption">
          <span className="chart-frame__title">
            {indicator.title}: English councils, {comparison.period.label}
          </span>
          <span className="chart-frame__source">{boundaries.attribution}</span>
        </figcaption>
        <div className="la-map__layout">
          <svg
            className="la-map__svg"
            viewBox={`0 0 ${boundaries.viewBox.width} ${boundaries.viewBox.height}`}
            role="img"
            aria-label={description}
            preserveAspectRatio="xMidYMid meet"
          >
            <defs>
              <HatchPattern id={hatchId} />
            </defs>
            <g className="la-map__councils">
              {model.areas.map((area) => (
                <path
                  key={area.code}
                  d={area.path}
                  fill={toFill(area.fill[activeShading], hatchId)}
                  data-area-code={area.code}
                  data-has-figure={area.hasFigure}
                >
                  <title>{area.description}</title>
                </path>
              ))}
            </g>
            {dorset ? (
              <g className="la-map__focus" data-area-code={dorset.code}>
                <path d={dorset.path} className="la-map__focus-halo" />
                <path d={dorset.path} className="la-map__focus-line" />
                {/* Below Dorset's coast, in the Channel, so the label covers no council. */}
                <text x={dorset.label.x + 38} y={dorset.label.y + 76} className="la-map__label" textAnchor="middle">
                  {dorset.name}
                </text>
              </g>
            ) : null}
          </svg>
          <MapLegend
            heading={
              activeShading === "value" ? SHADING_LABELS.value : `Compared with ${comparison.benchmark.areaName}`
            }
            items={legend}
            hatchId={hatchId}
            note={
              activeShading === "value"
                ? `Darker is higher. ${formatPolarity(indicator.polarity)}. Bands are fifths of the councils with a figure; tied values share a band. A band is not a statistical test.`
                : "Better or worse only where the 95% confidence interval supports it; the symbols are those of the compare-areas chart."
            }
          />
        </div>
      </figure>
      <p>
        {showsCouncilsTable ? (
          <a href="#compare-heading">The figures are in the compare-areas table above</a>
        ) : (
          <>
            The compare-areas table above lists every council when it compares all councils in England.{" "}
            <button
              type="button"
              className="button button--secondary la-map__show-table"
              onClick={() => onCompareChange({ among: "local_authorities", period: comparison.period?.code ?? null })}
            >
              Show every council in the table above
            </button>
          </>
        )}
      </p>
      <details className="details">
        <summary className="details__summary">Councils in each band of the map</summary>
        <div className="details__text">
          {legend.map((item) => (
            <div key={item.key} className="la-map__band-list">
              <h3 className="heading-s">{item.text}</h3>
              <p>{item.areaNames.join(", ")}</p>
            </div>
          ))}
        </div>
      </details>
    </>
  );
}

function toFill(fill: MapFill, hatchId: string): string {
  return fill.kind === "colour" ? fill.colour : `url(#${hatchId})`;
}

function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
      <rect width="5" height="5" fill="#ffffff" />
      <line x1="0" y1="0" x2="0" y2="5" stroke="#505a5f" strokeWidth="2" />
    </pattern>
  );
}

function MapLegend({
  heading,
  items,
  hatchId,
  note,
}: {
  heading: string;
  items: MapModel["legends"][MapShading];
  hatchId: string;
  note: string;
}) {
  return (
    <div className="la-map__legend">
      <h3 className="heading-s">{heading}</h3>
      <ul className="la-map__legend-list">
        {items.map((item) => (
          <li key={item.key} className="la-map__legend-item">
            <svg className="la-map__swatch" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <rect x="1" y="1" width="22" height="22" fill={toFill(item.fill, hatchId)} stroke="#0b0c0c" />
            </svg>
            <span>{item.text}</span>
          </li>
        ))}
        <li className="la-map__legend-item">
          <svg className="la-map__swatch" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="2" y="2" width="20" height="20" fill="none" stroke="#ffffff" strokeWidth="4" />
            <rect x="2" y="2" width="20" height="20" fill="none" stroke="#0b0c0c" strokeWidth="2.5" />
          </svg>
          <span>Dorset, outlined</span>
        </li>
      </ul>
      <p className="la-map__note">{note}</p>
    </div>
  );
}
