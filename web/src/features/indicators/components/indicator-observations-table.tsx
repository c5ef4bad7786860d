import { Link } from "react-router";
import { ComparisonBadge } from "../../../components/comparison-badge.tsx";
import { ObservationFlags } from "../../../components/observation-flags.tsx";
import { formatValueHeader, STATUS_MEANINGS } from "../../../lib/format.ts";
import { paths } from "../../../lib/paths.ts";
import type { ObservationTable } from "../utils/to-table-rows.ts";

interface IndicatorObservationsTableProps {
  caption: string;
  table: ObservationTable;
  unit: string;
  /** Areas whose names link to their area profile. */
  profileAreaCodes?: ReadonlySet<string>;
}

/** The figures behind the chart, and its accessible alternative: every period and area, symbols explained. */
export function IndicatorObservationsTable({
  caption,
  table,
  unit,
  profileAreaCodes,
}: IndicatorObservationsTableProps) {
  const { rows, columns, commonReason, benchmarkName } = table;
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll a wide table sideways (WCAG 2.1.1) */}
      <section className="table-scroll" aria-labelledby="observations-caption" tabIndex={0}>
        <table className="table">
          <caption className="table__caption" id="observations-caption">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Area</th>
              <th scope="col" className="table__numeric">
                {formatValueHeader(unit)}
              </th>
              {columns.interval ? (
                <th scope="col" className="table__numeric">
                  95% confidence interval
                </th>
              ) : null}
              {columns.status ? <th scope="col">Status</th> : null}
              <th scope="col">Compared with {benchmarkName}</th>
              {columns.notes ? <th scope="col">Notes</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="table__period">
                  {row.periodLabel}
                </th>
                <th scope="row" className="table__area">
                  {profileAreaCodes?.has(row.areaCode) ? (
                    <Link to={paths.areaProfile(row.areaCode)}>{row.areaName}</Link>
                  ) : (
                    row.areaName
                  )}
                </th>
                <td className="table__numeric">{row.valueText}</td>
                {columns.interval ? <td className="table__numeric table__interval">{row.intervalText ?? ""}</td> : null}
                {columns.status ? <td>{row.statusText ?? ""}</td> : null}
                <td>
                  {row.comparison ? (
                    <>
                      <ComparisonBadge verdict={row.comparison.verdict} benchmarkName={benchmarkName} />
                      {row.comparison.reason ? <span className="table__reason">{row.comparison.reason}</span> : null}
                    </>
                  ) : row.isBenchmark ? (
                    "Benchmark"
                  ) : (
                    <ComparisonBadge verdict="not_compared" benchmarkName={benchmarkName} />
                  )}
                </td>
                {columns.notes ? (
                  <td>
                    <ObservationFlags {...row.flags} />
                    {row.note ? <span className="table__note">{row.note}</span> : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {commonReason ? (
        <p className="table-note">
          <strong>Not compared:</strong> {commonReason.charAt(0).toLowerCase() + commonReason.slice(1)}.
        </p>
      ) : null}
      <dl className="symbol-key" aria-label="Symbols used in the table">
        {Object.entries(STATUS_MEANINGS).map(([symbol, meaning]) => (
          <div key={symbol} className="symbol-key__item">
            <dt>{symbol}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
