import type { AreaProfile, ProfileFigure, ProfileIndicator } from "@plan-outcomes/server/contract";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ComparisonBadge } from "../../../components/comparison-badge.tsx";
import { ObservationFlags } from "../../../components/observation-flags.tsx";
import {
  formatChange,
  formatComparisonReason,
  formatInterval,
  formatObservedValue,
  formatUnitLabel,
} from "../../../lib/format.ts";
import { paths } from "../../../lib/paths.ts";
import { useMediaQuery } from "../../../lib/use-media-query.ts";
import { formatMissingReason } from "../utils/format-profile-value.ts";
import { toSpineLabel } from "../utils/to-spine-label.ts";
import { toSpineRow } from "../utils/to-spine-row.ts";
import { SpineChart } from "./spine-chart.tsx";

type Priority = AreaProfile["priorities"][number];

interface ProfilePriorityTableProps {
  priority: Priority;
  profile: AreaProfile;
}

const ENGLAND = "E92000001";

function valueText(figure: ProfileFigure, entry: ProfileIndicator): string {
  const latest = figure.latest;
  if (!latest) return "No data";
  return formatObservedValue(latest.value, latest.status, entry.indicator.unit, entry.indicator.decimalPlaces, {
    compact: true,
  });
}

function ValueCell({
  figure,
  entry,
  otherPeriod,
  benchmarkName,
  children,
}: {
  figure: ProfileFigure;
  entry: ProfileIndicator;
  /** Set when this figure's period is not the row's. */
  otherPeriod: string | null;
  benchmarkName: string;
  /** The area's rank and change, stacked under its value where the screen is too narrow for their own columns. */
  children?: ReactNode;
}) {
  const latest = figure.latest;
  const { unit, decimalPlaces, suppressBelow } = entry.indicator;
  if (!latest)
    return (
      <td className="profile-table__value">
        No figure
        {children}
      </td>
    );
  const missing = formatMissingReason(latest.status, suppressBelow);
  const comparison = latest.comparison;
  const reason = comparison ? formatComparisonReason(comparison.description) : null;
  return (
    <td className="profile-table__value">
      <span className="profile-table__number">{valueText(figure, entry)}</span>
      {otherPeriod ? <span className="profile-table__small">for {otherPeriod}</span> : null}
      {missing ? <span className="profile-table__small">{missing}</span> : null}
      <span className="profile-table__verdict">
        {comparison ? (
          <>
            <ComparisonBadge verdict={comparison.verdict} benchmarkName={benchmarkName} />
            {reason ? <span className="profile-table__small">{reason}</span> : null}
          </>
        ) : (
          <span className="profile-table__small">No {benchmarkName} figure to compare with</span>
        )}
      </span>
      {latest.lowerCi !== null && latest.upperCi !== null ? (
        <span className="profile-table__small">
          95% CI {formatInterval(latest.lowerCi, latest.upperCi, unit, decimalPlaces, { compact: true })}
        </span>
      ) : null}
      <ObservationFlags
        isIllustrative={latest.isIllustrative}
        isProvisional={latest.isProvisional}
        isRevised={latest.isRevised}
        isDisputed={latest.isDisputed}
      />
      {latest.isDisputed && latest.note ? <span className="profile-table__small">{latest.note}</span> : null}
      {children}
    </td>
  );
}

function ComparatorCell({ figure, entry }: { figure: ProfileFigure["benchmark"]; entry: ProfileIndicator }) {
  if (!figure || (figure.value === null && figure.status === null)) return <td className="table__numeric">No data</td>;
  return (
    <td className="table__numeric">
      {formatObservedValue(figure.value, figure.status, entry.indicator.unit, entry.indicator.decimalPlaces, {
        compact: true,
      })}
    </td>
  );
}

function AreaCells({
  figure,
  entry,
  benchmarkName,
  rowPeriod,
  siblingsLabel,
  stacked,
}: {
  figure: ProfileFigure;
  entry: ProfileIndicator;
  benchmarkName: string;
  rowPeriod: string | null;
  /** The rank column's header names the siblings; a rank among the same kind of area need not repeat it. */
  siblingsLabel: string | null;
  /** Two areas side by side: on a narrow screen the rank and change stack under the value instead. */
  stacked: boolean;
}) {
  const latest = figure.latest;
  const period = latest?.period.label ?? null;
  const rank = <RankText figure={figure} siblingsLabel={siblingsLabel} />;
  const change = <ChangeText figure={figure} entry={entry} />;
  return (
    <>
      <ValueCell
        figure={figure}
        entry={entry}
        otherPeriod={period && period !== rowPeriod ? period : null}
        benchmarkName={benchmarkName}
      >
        {stacked ? (
          <span className="profile-table__stacked">
            <span className="profile-table__stacked-item">
              <strong>Rank</strong> <RankText figure={figure} siblingsLabel={null} />
            </span>
            <span className="profile-table__stacked-item">
              <strong>Change</strong> {change}
            </span>
          </span>
        ) : null}
      </ValueCell>
      {stacked ? null : (
        <>
          <td>{rank}</td>
          <td>{change}</td>
        </>
      )}
    </>
  );
}

/** An area's rank among its siblings; the label drops their name where the column header gives it. */
function RankText({ figure, siblingsLabel }: { figure: ProfileFigure; siblingsLabel: string | null }) {
  if (!figure.rank) return <span className="profile-table__muted">Not ranked</span>;
  return (
    <>
      {siblingsLabel && figure.rank.label.endsWith(` ${siblingsLabel}`)
        ? figure.rank.label.slice(0, -siblingsLabel.length - 1)
        : figure.rank.label}
      {figure.rank.order === "highest_first" ? <span className="profile-table__small">highest first</span> : null}
    </>
  );
}

/** The change from the area's own previous figure, or why there is none. */
function ChangeText({ figure, entry }: { figure: ProfileFigure; entry: ProfileIndicator }) {
  const { unit, decimalPlaces } = entry.indicator;
  if (figure.change !== null && figure.previous) {
    return (
      <>
        {formatChange(figure.change, unit, decimalPlaces)}
        <span className="profile-table__small">since {figure.previous.period.label}</span>
        {!figure.changeIsLikeForLike ? (
          <span className="profile-table__small">
            Not like for like: the earlier figure comes from a different source
          </span>
        ) : null}
      </>
    );
  }
  if (figure.previous) {
    return (
      <>
        <span className="profile-table__muted">No change to show</span>
        <span className="profile-table__small">
          {figure.previous.period.label}:{" "}
          {formatObservedValue(figure.previous.value, figure.previous.status, unit, decimalPlaces, { compact: true })}
        </span>
      </>
    );
  }
  return <span className="profile-table__muted">No earlier figure</span>;
}

/** A column header under an area's name; the value header names the area for screen readers. */
function SubHeader({
  header,
  areaName,
  benchmarkName,
  alsoStacked,
}: {
  header: string;
  areaName: string;
  benchmarkName: string;
  /** On a narrow screen the rank (named by this header) and change stack under the value. */
  alsoStacked: string | null;
}) {
  if (header.startsWith(`${areaName}: `)) {
    return (
      <>
        <span className="visually-hidden">{areaName}: </span>Value and comparison with {benchmarkName}
        {alsoStacked ? (
          <span className="profile-table__small">{alsoStacked} (not a statistical test) and change beneath</span>
        ) : null}
      </>
    );
  }
  if (header.startsWith("Rank")) {
    return (
      <>
        {header}
        <span className="profile-table__small">Not a statistical test</span>
      </>
    );
  }
  return header;
}

/**
 * Below this width two areas side by side do not fit their ten columns: each area's rank and change
 * stack under its value, and the period under the indicator, so nothing scrolls sideways on a tablet.
 */
const STACKED_COMPARE = "(max-width: 1100px)";

/** One priority's indicators for the area (and the compared area): figures, comparisons, ranks and spine charts. */
export function ProfilePriorityTable({ priority, profile }: ProfilePriorityTableProps) {
  const { area, compareArea, benchmark } = profile;
  const headingId = `profile-priority-${priority.priority.code}`;
  const showEngland = benchmark.code !== ENGLAND;
  const rankHeader = area.siblingsLabel ? `Rank among ${area.siblingsLabel}` : "Rank";
  const stacked = useMediaQuery(STACKED_COMPARE) && compareArea !== null;
  const areaColumns = (name: string) => (stacked ? [`${name}: value`] : [`${name}: value`, rankHeader, "Change"]);

  return (
    <section className="section profile-priority" aria-labelledby={headingId}>
      <h2 className="heading-m" id={headingId}>
        {priority.priority.title}
      </h2>
      {priority.indicators.length === 0 ? (
        <p className="profile-table__muted">
          No indicator of this priority has figures for {area.name}
          {compareArea ? ` or ${compareArea.name}` : ""} yet.
        </p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll a wide table sideways (WCAG 2.1.1)
        <section className="table-scroll" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
          <table className={`table profile-table${compareArea ? " profile-table--compare" : ""}`}>
            <caption className="visually-hidden" id={`${headingId}-caption`}>
              {priority.priority.title}: {area.name}
              {compareArea ? ` and ${compareArea.name}` : ""} compared with {benchmark.name}
              {showEngland ? " and England" : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  Indicator
                </th>
                {stacked ? null : (
                  <th scope="col" rowSpan={2}>
                    Period
                  </th>
                )}
                <th scope="col" rowSpan={2} className="table__numeric">
                  {benchmark.name}
                </th>
                {showEngland ? (
                  <th scope="col" rowSpan={2} className="table__numeric">
                    England
                  </th>
                ) : null}
                <th scope="colgroup" colSpan={stacked ? 1 : 3} className="profile-table__group">
                  {area.name}
                </th>
                {compareArea ? (
                  <th
                    scope="colgroup"
                    colSpan={stacked ? 1 : 3}
                    className="profile-table__group profile-table__group--compare"
                  >
                    {compareArea.name}
                  </th>
                ) : null}
                <th scope="col" rowSpan={2}>
                  Spine chart <span className="profile-table__small">worse or lower ← → better or higher</span>
                </th>
              </tr>
              <tr>
                {areaColumns(area.name).map((header) => (
                  <th scope="col" key={`a-${header}`}>
                    <SubHeader
                      header={header}
                      areaName={area.name}
                      benchmarkName={benchmark.name}
                      alsoStacked={stacked ? rankHeader : null}
                    />
                  </th>
                ))}
                {compareArea
                  ? areaColumns(compareArea.name).map((header) => (
                      <th scope="col" key={`b-${header}`} className="profile-table__compare-header">
                        <SubHeader
                          header={header}
                          areaName={compareArea.name}
                          benchmarkName={benchmark.name}
                          alsoStacked={stacked ? rankHeader : null}
                        />
                      </th>
                    ))
                  : null}
              </tr>
            </thead>
            <tbody>
              {priority.indicators.map((entry) => {
                const own = entry.area;
                const other = entry.compare;
                const rowFigure = own.latest ? own : (other ?? own);
                const rowPeriod = rowFigure.latest?.period.label ?? null;
                const samePeriod =
                  other?.latest && own.latest ? other.latest.period.code === own.latest.period.code : false;
                const spine = toSpineRow({
                  value: own.latest?.value ?? null,
                  compareValue: samePeriod ? (other?.latest?.value ?? null) : null,
                  benchmark: rowFigure.benchmark?.value ?? null,
                  spread: rowFigure.spread,
                  polarity: entry.indicator.polarity,
                });
                const unitLabel = entry.indicator.unit.trim() === "%" ? null : formatUnitLabel(entry.indicator.unit);
                return (
                  <tr key={entry.indicator.code}>
                    <th scope="row" className="profile-table__indicator">
                      <Link to={paths.indicator(entry.indicator.code)}>{entry.indicator.title}</Link>
                      {unitLabel ? <span className="profile-table__small">{unitLabel}</span> : null}
                      {stacked ? <span className="profile-table__small">{rowPeriod ?? "No data"}</span> : null}
                    </th>
                    {stacked ? null : <td className="profile-table__period">{rowPeriod ?? "No data"}</td>}
                    <ComparatorCell figure={rowFigure.benchmark} entry={entry} />
                    {showEngland ? <ComparatorCell figure={rowFigure.england} entry={entry} /> : null}
                    <AreaCells
                      figure={own}
                      entry={entry}
                      benchmarkName={benchmark.name}
                      rowPeriod={rowPeriod}
                      siblingsLabel={area.siblingsLabel}
                      stacked={stacked}
                    />
                    {other ? (
                      <AreaCells
                        figure={other}
                        entry={entry}
                        benchmarkName={benchmark.name}
                        rowPeriod={rowPeriod}
                        siblingsLabel={area.siblingsLabel}
                        stacked={stacked}
                      />
                    ) : null}
                    <td className="profile-table__spine">
                      {spine ? (
                        <SpineChart
                          row={spine}
                          label={toSpineLabel({
                            areaName: area.name,
                            value: own.latest?.value ?? null,
                            valueText: valueText(own, entry),
                            compare:
                              compareArea && other && samePeriod
                                ? {
                                    name: compareArea.name,
                                    value: other.latest?.value ?? null,
                                    valueText: valueText(other, entry),
                                  }
                                : null,
                            benchmark: { name: benchmark.name, value: rowFigure.benchmark?.value ?? null },
                            spread: rowFigure.spread,
                            siblingsLabel: area.siblingsLabel,
                            polarity: entry.indicator.polarity,
                            unit: entry.indicator.unit,
                            decimalPlaces: entry.indicator.decimalPlaces,
                          })}
                        />
                      ) : (
                        <span className="profile-table__muted">Nothing to draw</span>
                      )}
                      {entry.indicator.polarity === "none" && spine ? (
                        <span className="profile-table__small">Higher to the right; neither is better</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
