import type { Indicator } from "@plan-outcomes/server/contract";
import { usePrefetchQuery, useSuspenseQueries, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { EmptyState } from "../../../components/empty-state.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { areaQueries, COUNCIL_AREA_CODE } from "../../../lib/area-queries.ts";
import { councilLocalAreas } from "../../../lib/council-areas.ts";
import { formatList } from "../../../lib/format.ts";
import { paths } from "../../../lib/paths.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { annotationQueries } from "../api/annotation-queries.ts";
import { indicatorQueries } from "../api/indicator-queries.ts";
import { toAreasWithoutFigures, toChartPoints, toChartSeries } from "../utils/to-chart-points.ts";
import { toCsvTable } from "../utils/to-csv-table.ts";
import { toObservationTable } from "../utils/to-table-rows.ts";
import { AreaChooser } from "./area-chooser.tsx";
import { CompareAreas, type CompareChoice } from "./compare-areas.tsx";
import { CsvDownloadButton } from "./csv-download-button.tsx";
import { IndicatorAnnotations } from "./indicator-annotations.tsx";
import { IndicatorBreakdowns } from "./indicator-breakdowns.tsx";
import { IndicatorMetadata } from "./indicator-metadata.tsx";
import { IndicatorObservationsTable } from "./indicator-observations-table.tsx";
import { IndicatorTrendChart } from "./indicator-trend-chart.tsx";
import { LaMap } from "./lazy-la-map.tsx";

/** The API's own default (Dorset, South West, England), asked for explicitly so the page knows what it shows. */
export const DEFAULT_AREAS = [COUNCIL_AREA_CODE, "E12000009", "E92000001"] as const;
/** More lines than this cannot be told apart by dash and marker. */
export const MAX_AREAS = 8;

interface IndicatorPageProps {
  code: string;
  /** From the URL; empty means the defaults. */
  areas: readonly string[];
  periods: readonly string[];
  onAreasChange: (areas: string[]) => void;
  compare: CompareChoice;
  onCompareChange: (choice: CompareChoice) => void;
}

/** One indicator: what it measures, its figures over time as a chart and a table, and a download. */
export function IndicatorPage({ code, areas, periods, onAreasChange, compare, onCompareChange }: IndicatorPageProps) {
  const chosenAreas = areas.length > 0 ? areas : DEFAULT_AREAS;
  // Start the figures while the metadata loads, rather than after it.
  usePrefetchQuery(indicatorQueries.observations(code, { areas: chosenAreas, periods }));
  usePrefetchQuery(annotationQueries.ofIndicator(code, chosenAreas));

  return (
    <QueryBoundary
      resetKeys={[code]}
      loading={<LoadingState label="Loading the indicator" />}
      error={({ error, retry }) => <IndicatorPageError error={error} retry={retry} />}
    >
      <IndicatorDetails
        code={code}
        areas={chosenAreas}
        periods={periods}
        onAreasChange={onAreasChange}
        compare={compare}
        onCompareChange={onCompareChange}
      />
    </QueryBoundary>
  );
}

function IndicatorPageError({ error, retry }: { error: unknown; retry: () => void }) {
  useDocumentTitle("Indicator not found");
  return (
    <ErrorState error={error} headingLevel={1} notFoundTitle="Indicator not found" onRetry={retry}>
      <p>
        Check the web address, or <Link to={paths.overview()}>choose an indicator from the Plan overview</Link>.
      </p>
    </ErrorState>
  );
}

function IndicatorDetails({ code, areas, periods, onAreasChange, compare, onCompareChange }: IndicatorPageProps) {
  const { data: indicator } = useSuspenseQuery(indicatorQueries.detail(code));
  useDocumentTitle(indicator.title);

  return (
    <>
      <p className="back-link-wrapper">
        <Link to={paths.overview()} className="back-link">
          Plan overview
        </Link>
      </p>
      <span className="caption-l">Indicator</span>
      <h1 className="heading-xl">{indicator.title}</h1>

      <section aria-labelledby="about-heading" className="section">
        <h2 className="heading-m" id="about-heading">
          About this indicator
        </h2>
        <IndicatorMetadata indicator={indicator} />
        <p>
          Local figures for this indicator (a locality&rsquo;s or a LAG area&rsquo;s) are loaded from its template, as{" "}
          <a href={paths.indicatorTemplate(indicator.code, "xlsx")} download>
            Excel (.xlsx)
          </a>{" "}
          or{" "}
          <a href={paths.indicatorTemplate(indicator.code)} download>
            CSV
          </a>
          : fill in the period and values, then upload it.
        </p>
      </section>

      <section aria-labelledby="figures-heading" className="section">
        <h2 className="heading-m" id="figures-heading">
          Figures over time
        </h2>
        <QueryBoundary
          resetKeys={[]}
          loading={<LoadingState label="Loading the list of areas" />}
          error={({ error, retry }) => <ErrorState error={error} headingLevel={3} onRetry={retry} />}
        >
          <AreaChooser councilCode={COUNCIL_AREA_CODE} chosen={areas} maxAreas={MAX_AREAS} onChoose={onAreasChange} />
        </QueryBoundary>
        <QueryBoundary
          resetKeys={[code, areas.join(","), periods.join(",")]}
          loading={<LoadingState label="Loading the figures" />}
          error={({ error, retry }) => (
            <ErrorState error={error} headingLevel={3} onRetry={retry} notFoundTitle="No figures found" />
          )}
        >
          <IndicatorFigures indicator={indicator} areas={areas} periods={periods} />
        </QueryBoundary>
      </section>

      <CompareAreas indicator={indicator} choice={compare} onChoose={onCompareChange} />
      <LaMap indicator={indicator} compare={compare} onCompareChange={onCompareChange} />
      <IndicatorBreakdowns indicator={indicator} />
    </>
  );
}

/** Areas with a profile page: the council, its localities and LAG areas. */
function toProfileAreaCodes(areas: Parameters<typeof councilLocalAreas>[0]): Set<string> {
  const { council, localities, lagAreas } = councilLocalAreas(areas, COUNCIL_AREA_CODE);
  return new Set([...(council ? [council] : []), ...localities, ...lagAreas].map((area) => area.code));
}

interface IndicatorFiguresProps {
  indicator: Indicator;
  areas: readonly string[];
  periods: readonly string[];
}

function IndicatorFigures({ indicator, areas, periods }: IndicatorFiguresProps) {
  const [{ data }, { data: allAreas }, { data: annotations }] = useSuspenseQueries({
    queries: [
      indicatorQueries.observations(indicator.code, { areas, periods }),
      areaQueries.list(),
      annotationQueries.ofIndicator(indicator.code, areas),
    ],
  });
  const { observations } = data;
  const series = toChartSeries(observations, areas);
  const areaNames = formatList(series.map((line) => line.areaName));
  const withoutFigures = toAreasWithoutFigures(areas, observations).map(
    (code) => allAreas.find((area) => area.code === code)?.name ?? code,
  );
  const withoutFiguresNote =
    withoutFigures.length > 0 ? (
      <p className="inset">There are no figures of this indicator for {formatList(withoutFigures)}.</p>
    ) : null;

  if (observations.length === 0) {
    return (
      <EmptyState>
        <p>There are no published figures of this indicator for {formatList(withoutFigures)}.</p>
      </EmptyState>
    );
  }

  const points = toChartPoints(observations);
  const queried = new Set(
    annotations.queries
      .filter((query) => query.status === "open")
      .map((query) => `${query.periodCode}|${query.areaCode}`),
  );
  const table = toObservationTable(observations, indicator, areas, queried);
  const periodRange =
    points.length > 1 ? `${points[0]?.periodLabel} to ${points.at(-1)?.periodLabel}` : (points[0]?.periodLabel ?? "");
  const csv = toCsvTable(table.rows, indicator, { columns: table.columns, benchmarkName: table.benchmarkName });
  const source = indicator.source ? (
    <>
      Source: {indicator.source.publisher},{" "}
      {indicator.source.url ? <a href={indicator.source.url}>{indicator.source.title}</a> : indicator.source.title}
      {indicator.source.documentName ? `, ${indicator.source.documentName}` : ""}
    </>
  ) : (
    "Source: see the notes in the table"
  );

  return (
    <>
      {withoutFiguresNote}
      {points.length > 1 ? (
        <IndicatorTrendChart indicator={indicator} series={series} points={points} source={source} />
      ) : (
        <p className="inset">Figures exist for one period only, so there is no chart: they are in the table below.</p>
      )}

      <h3 className="heading-s">Table of figures</h3>
      <IndicatorObservationsTable
        caption={`${indicator.title}: ${areaNames}, ${periodRange}`}
        table={table}
        unit={indicator.unit}
        profileAreaCodes={toProfileAreaCodes(allAreas)}
      />
      <p>
        <CsvDownloadButton
          fileName={`${indicator.code}_${series.map((line) => line.areaCode).join("-")}.csv`}
          header={csv.header}
          rows={csv.rows}
        />
      </p>

      <QueryBoundary
        resetKeys={[indicator.code, areas.join(",")]}
        loading={<LoadingState label="Loading commentary, targets and queries" />}
        error={({ error, retry }) => <ErrorState error={error} headingLevel={2} onRetry={retry} />}
      >
        <IndicatorAnnotations indicator={indicator} areas={areas} observations={observations} />
      </QueryBoundary>
    </>
  );
}
