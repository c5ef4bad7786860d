import type { Area, Plan, PlanSummary, PrioritySummary } from "@plan-outcomes/server/contract";
import { useSuspenseQueries, useSuspenseQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ComparisonBadge } from "../../../components/comparison-badge.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { ObservationFlags } from "../../../components/observation-flags.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { TargetStatusTag } from "../../../components/target-status-tag.tsx";
import { areaQueries, COUNCIL_AREA_CODE } from "../../../lib/area-queries.ts";
import { formatDate, formatDateTime } from "../../../lib/format.ts";
import { paths } from "../../../lib/paths.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { planQueries } from "../api/plan-queries.ts";
import { toCountsSummary } from "../utils/to-counts-summary.ts";
import { toPriorityRows } from "../utils/to-priority-rows.ts";
import { Sparkline } from "./sparkline.tsx";

interface BoardPackProps {
  planCode: string | null;
  areaCode: string | null;
}

/** The Board's papers: one A4 page per priority, each carrying the date and the data version. */
export function BoardPack(props: BoardPackProps) {
  return (
    <QueryBoundary
      resetKeys={[props.planCode, props.areaCode]}
      loading={<LoadingState label="Preparing the board pack" />}
      error={({ error, retry }) => <ErrorState error={error} headingLevel={1} onRetry={retry} />}
    >
      <BoardPackContent {...props} />
    </QueryBoundary>
  );
}

function BoardPackContent({ planCode, areaCode }: BoardPackProps) {
  const [{ data: plans }, { data: areas }] = useSuspenseQueries({
    queries: [planQueries.list(), areaQueries.list()],
  });
  const plan = planCode ? plans.find((candidate) => candidate.code === planCode) : plans.find((p) => p.isCurrent);
  const area = areas.find((candidate) => candidate.code === (areaCode ?? COUNCIL_AREA_CODE));
  if (!plan || !area) {
    return (
      <div className="error-state" role="alert">
        <h1 className="heading-l">{!plan ? "Plan" : "Area"} not found</h1>
        <p>
          <Link to={paths.boardPack()}>Open the board pack for the current Plan and Dorset</Link>.
        </p>
      </div>
    );
  }
  return <BoardPackPages plan={plan} area={area} />;
}

function BoardPackPages({ plan, area }: { plan: Plan; area: Area }) {
  const { data: summary } = useSuspenseQuery(planQueries.summary(plan.code, area.code));
  useDocumentTitle(`Board pack: ${plan.title}, ${area.name}`);
  const printedOn = formatDate(new Date().toISOString().slice(0, 10));
  const stamp = (
    <p className="board-pack__stamp">
      {plan.title} &middot; {area.name} &middot; Printed {printedOn} &middot; Data version {summary.dataVersion.version}
      {summary.dataVersion.lastPublishedAt
        ? `, last published ${formatDateTime(summary.dataVersion.lastPublishedAt)}`
        : ""}
    </p>
  );

  return (
    <div className="board-pack">
      <div className="board-pack__cover">
        {stamp}
        <h1 className="heading-xl">Board pack: {plan.title}</h1>
        <p className="lead">
          Headline indicators for {area.name}, one priority per page. Verdicts compare {area.name} with England using
          95% confidence intervals; ranks are positions, not statistical tests.
        </p>
        <p className="board-pack__actions">
          <button type="button" className="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>{" "}
          <Link to={paths.overview({ plan: plan.isCurrent ? undefined : plan.code })}>Back to the overview</Link>
        </p>
      </div>
      {summary.priorities.map((priority) => (
        <BoardPackPriority key={priority.priority.code} summary={summary} priority={priority} stamp={stamp} />
      ))}
    </div>
  );
}

function BoardPackPriority({
  summary,
  priority,
  stamp,
}: {
  summary: PlanSummary;
  priority: PrioritySummary;
  stamp: ReactNode;
}) {
  // The same rows as the priority page, so the printed figures are the ones on screen.
  const { comparatorNames, rows } = toPriorityRows({ plan: summary.plan, area: summary.area, ...priority });
  const areaName = summary.area.name;
  const headingId = `pack-${priority.priority.code}`;
  return (
    <section className="board-pack__page" aria-labelledby={headingId}>
      {stamp}
      <p className="caption-l">Priority {priority.priority.position}</p>
      <h2 className="heading-l" id={headingId}>
        {priority.priority.title}
      </h2>
      {priority.priority.aims ? <p>{priority.priority.aims}</p> : null}
      <p>
        <strong>Headline indicators:</strong> {toCountsSummary(priority.counts)}.
      </p>
      {rows.length === 0 ? (
        <p>No headline indicators have been chosen for this priority yet.</p>
      ) : (
        <table className="table board-pack__table">
          <caption className="visually-hidden">Headline indicators of {priority.priority.title}</caption>
          <thead>
            <tr>
              <th scope="col" className="board-pack__indicator">
                Indicator
              </th>
              <th scope="col">Trend</th>
              <th scope="col" className="table__numeric">
                {areaName}
              </th>
              <th scope="col" className="table__numeric">
                Change
              </th>
              {comparatorNames.map((name) => (
                <th scope="col" className="table__numeric" key={name}>
                  {name}
                </th>
              ))}
              <th scope="col" className="board-pack__verdict">
                Compared with England
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ view, unitNote, valueText, changeText, comparatorTexts }, index) => (
              <tr key={view.code}>
                <th scope="row">
                  {view.title}
                  {unitNote ? <span className="board-pack__note">{unitNote}</span> : null}
                  {view.latest ? <ObservationFlags {...view.latest.flags} /> : null}
                  {view.target ? (
                    <span className="board-pack__note">
                      {view.target.label}: {view.target.valueText}{" "}
                      <TargetStatusTag status={view.target.status} text={view.target.statusText} />
                    </span>
                  ) : null}
                </th>
                <td>
                  {view.trendText ? (
                    <Sparkline trend={priority.headlines[index]?.trend ?? []} label={`Trend for ${view.trendText}`} />
                  ) : (
                    "–"
                  )}
                </td>
                <td className="table__numeric">
                  {valueText}
                  {view.latest ? <span className="board-pack__note">{view.latest.periodLabel}</span> : null}
                </td>
                <td className="table__numeric">{changeText}</td>
                {comparatorTexts.map((text, column) => (
                  <td className="table__numeric" key={comparatorNames[column]}>
                    {text}
                  </td>
                ))}
                <td>
                  {view.latest ? (
                    <ComparisonBadge verdict={view.comparison.verdict} benchmarkName={view.comparison.benchmarkName} />
                  ) : (
                    "–"
                  )}
                  {view.rankText ? <span className="board-pack__note">Rank {view.rankText}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
