import type { Indicator } from "@plan-outcomes/server/contract";
import { useSuspenseQuery } from "@tanstack/react-query";
import { ComparisonBadge } from "../../../components/comparison-badge.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { ObservationFlags } from "../../../components/observation-flags.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { COUNCIL_AREA_CODE } from "../../../lib/area-queries.ts";
import {
  formatDimension,
  formatInterval,
  formatObservedValue,
  formatStatus,
  formatValueHeader,
} from "../../../lib/format.ts";
import { breakdownsQuery } from "../api/indicator-queries.ts";

/** The indicator split by sex, SEN, free school meals, phase: whatever the published data has, for Dorset. */
export function IndicatorBreakdowns({ indicator }: { indicator: Indicator }) {
  return (
    <section aria-labelledby="breakdowns-heading" className="section">
      <h2 className="heading-m" id="breakdowns-heading">
        Breakdowns
      </h2>
      <QueryBoundary
        resetKeys={[indicator.code]}
        loading={<LoadingState label="Loading the breakdowns" />}
        error={({ error, retry }) => <ErrorState error={error} headingLevel={3} onRetry={retry} />}
      >
        <BreakdownTables indicator={indicator} />
      </QueryBoundary>
    </section>
  );
}

function BreakdownTables({ indicator }: { indicator: Indicator }) {
  const { data } = useSuspenseQuery(breakdownsQuery(indicator.code, COUNCIL_AREA_CODE));
  if (data.dimensions.length === 0) {
    return (
      <p className="empty-state">
        The published figures of this indicator for {data.area.name} are not split by sex, special educational needs,
        free school meals or any other group.
      </p>
    );
  }
  const periodLabel = data.period?.label ?? "";
  return (
    <>
      {data.dimensions.map(({ dimension, observations }) => (
        <table className="table" key={dimension}>
          <caption className="table__caption">
            {indicator.title} by {formatDimension(dimension).toLowerCase()}: {data.area.name}, {periodLabel}
          </caption>
          <thead>
            <tr>
              <th scope="col">{formatDimension(dimension)}</th>
              <th scope="col" className="table__numeric">
                {formatValueHeader(indicator.unit)}
              </th>
              <th scope="col" className="table__numeric">
                95% confidence interval
              </th>
              <th scope="col">Compared with England (same group)</th>
            </tr>
          </thead>
          <tbody>
            {observations.map((observation) => (
              <tr key={observation.breakdown.value}>
                <th scope="row">
                  {observation.breakdown.value}
                  <ObservationFlags
                    isIllustrative={observation.isIllustrative}
                    isProvisional={observation.isProvisional}
                    isRevised={observation.isRevised}
                    isDisputed={observation.isDisputed}
                  />
                </th>
                <td className="table__numeric">
                  {observation.value === null
                    ? formatStatus(observation.status)
                    : formatObservedValue(
                        observation.value,
                        observation.status,
                        indicator.unit,
                        indicator.decimalPlaces,
                        {
                          compact: true,
                        },
                      )}
                </td>
                <td className="table__numeric">
                  {observation.lowerCi !== null && observation.upperCi !== null
                    ? formatInterval(
                        observation.lowerCi,
                        observation.upperCi,
                        indicator.unit,
                        indicator.decimalPlaces,
                        {
                          compact: true,
                        },
                      )
                    : ""}
                </td>
                <td>
                  <ComparisonBadge
                    verdict={observation.comparison?.verdict ?? "not_compared"}
                    benchmarkName="England"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
