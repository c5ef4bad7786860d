import type { Area, Plan, PriorityDetail } from "@plan-outcomes/server/contract";
import { useSuspenseQueries, useSuspenseQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { ComparisonBadge } from "../../../components/comparison-badge.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { ObservationFlags } from "../../../components/observation-flags.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { TargetStatusTag } from "../../../components/target-status-tag.tsx";
import { areaQueries, COUNCIL_AREA_CODE } from "../../../lib/area-queries.ts";
import { downloadTextFile, toCsv } from "../../../lib/csv.ts";
import { paths } from "../../../lib/paths.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { planQueries } from "../api/plan-queries.ts";
import { priorityQueries } from "../api/priority-queries.ts";
import { toAreaChoices } from "../utils/to-area-choices.ts";
import { toCountsSummary } from "../utils/to-counts-summary.ts";
import { toPriorityCsv, toPriorityRows } from "../utils/to-priority-rows.ts";
import { AreaSelect } from "./area-select.tsx";

interface PriorityPageProps {
  priorityCode: string;
  /** From the URL; null means the current Plan and Dorset. */
  planCode: string | null;
  areaCode: string | null;
  onChooseArea: (area: string) => void;
}

/** One priority in full: every indicator linked to it in one table, for the Board's review. */
export function PriorityPage(props: PriorityPageProps) {
  return (
    <QueryBoundary
      resetKeys={[props.priorityCode, props.planCode, props.areaCode]}
      loading={<LoadingState label="Loading the priority" />}
      error={({ error, retry }) => (
        <ErrorState error={error} headingLevel={1} onRetry={retry} notFoundTitle="Priority not found" />
      )}
    >
      <PriorityPageContent {...props} />
    </QueryBoundary>
  );
}

function PriorityPageContent({ priorityCode, planCode, areaCode, onChooseArea }: PriorityPageProps) {
  const [{ data: plans }, { data: areas }] = useSuspenseQueries({
    queries: [planQueries.list(), areaQueries.list()],
  });
  const plan = planCode ? plans.find((candidate) => candidate.code === planCode) : plans.find((p) => p.isCurrent);
  const area = areas.find((candidate) => candidate.code === (areaCode ?? COUNCIL_AREA_CODE));
  const priority = plan?.priorities.find((candidate) => candidate.code === priorityCode);
  if (!plan || !area || !priority) {
    const what = !plan ? "Plan" : !area ? "area" : "priority";
    return <NotFound what={what} code={(!plan ? planCode : !area ? areaCode : priorityCode) ?? ""} />;
  }
  return (
    <PriorityTablePage plan={plan} area={area} areas={areas} priorityCode={priority.code} onChooseArea={onChooseArea} />
  );
}

function NotFound({ what, code }: { what: string; code: string }) {
  useDocumentTitle(`${what[0]?.toUpperCase()}${what.slice(1)} not found`);
  return (
    <div className="error-state" role="alert">
      <h1 className="heading-l">
        {what[0]?.toUpperCase()}
        {what.slice(1)} not found
      </h1>
      <p>
        There is no {what} with the code &ldquo;{code}&rdquo;. <Link to={paths.overview()}>See the Plan overview</Link>.
      </p>
    </div>
  );
}

interface PriorityTablePageProps {
  plan: Plan;
  area: Area;
  areas: readonly Area[];
  priorityCode: string;
  onChooseArea: (area: string) => void;
}

function PriorityTablePage({ plan, area, areas, priorityCode, onChooseArea }: PriorityTablePageProps) {
  const { data: detail } = useSuspenseQuery(priorityQueries.detail(plan.code, priorityCode, area.code));
  useDocumentTitle(`${detail.priority.title}: ${area.name}`);

  function chooseArea(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChooseArea(String(new FormData(event.currentTarget).get("area") ?? area.code));
  }

  return (
    <>
      <p className="breadcrumb">
        <Link
          to={paths.overview({
            plan: plan.isCurrent ? undefined : plan.code,
            area: area.code === COUNCIL_AREA_CODE ? undefined : area.code,
          })}
        >
          {plan.title}
        </Link>
      </p>
      <span className="caption-l">
        Priority {detail.priority.position} &middot; {area.name}
      </span>
      <h1 className="heading-xl">{detail.priority.title}</h1>
      {detail.priority.aims ? <p className="lead">{detail.priority.aims}</p> : null}

      <form className="chooser" onSubmit={chooseArea} key={area.code} aria-label="Choose an area">
        <AreaSelect id="priority-area" groups={toAreaChoices(areas, COUNCIL_AREA_CODE)} defaultValue={area.code} />
        <button type="submit" className="button">
          Show area
        </button>
      </form>

      <p>
        <strong>All indicators:</strong> {toCountsSummary(detail.counts)}.
      </p>
      <PriorityTable detail={detail} />
    </>
  );
}

function PriorityTable({ detail }: { detail: PriorityDetail }) {
  const { comparatorNames, rows } = toPriorityRows(detail);
  const hasRanks = rows.some((row) => row.view.rankText);
  const hasTargets = rows.some((row) => row.view.target);

  function download() {
    const { header, rows: cells } = toPriorityCsv(detail);
    downloadTextFile(`${detail.priority.code}-${detail.area.code}.csv`, toCsv(header, cells));
  }

  if (rows.length === 0) {
    return <p className="empty-state">No indicators are linked to this priority yet.</p>;
  }

  return (
    <>
      <TableScroll label={`Indicators of ${detail.priority.title}`}>
        <table className="table priority-table">
          <caption className="table__caption">
            Every indicator of {detail.priority.title} for {detail.area.name}: latest figure, change and comparators
          </caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Period</th>
              <th scope="col" className="table__numeric">
                {detail.area.name}
              </th>
              <th scope="col" className="table__numeric">
                Change
              </th>
              {comparatorNames.map((name) => (
                <th scope="col" className="table__numeric" key={name}>
                  {name}
                </th>
              ))}
              {hasRanks ? (
                <th scope="col">
                  Rank among English councils<sup>*</sup>
                </th>
              ) : null}
              <th scope="col">Compared with England</th>
              {hasTargets ? <th scope="col">Target</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ view, isHeadline, unitNote, valueText, changeText, comparatorTexts }) => (
              <tr key={view.code}>
                <th scope="row">
                  <Link to={paths.indicator(view.code)}>{view.title}</Link>
                  {unitNote ? <span className="priority-table__unit">{unitNote}</span> : null}
                  {isHeadline ? <span className="tag tag--grey priority-table__headline">Headline</span> : null}
                  {view.latest ? <ObservationFlags {...view.latest.flags} /> : null}
                </th>
                <td>{view.latest?.periodLabel ?? "–"}</td>
                <td className="table__numeric">{valueText}</td>
                <td className="table__numeric">{changeText}</td>
                {comparatorTexts.map((text, index) => (
                  <td className="table__numeric" key={comparatorNames[index]}>
                    {text}
                  </td>
                ))}
                {hasRanks ? <td>{view.rankText ?? "–"}</td> : null}
                <td>
                  {view.latest ? (
                    <>
                      <ComparisonBadge
                        verdict={view.comparison.verdict}
                        benchmarkName={view.comparison.benchmarkName}
                      />
                      {view.comparison.reason ? <span className="table__note">{view.comparison.reason}</span> : null}
                    </>
                  ) : (
                    "–"
                  )}
                </td>
                {hasTargets ? (
                  <td>
                    {view.target ? (
                      <>
                        {view.target.valueText} by {view.target.periodLabel}{" "}
                        <TargetStatusTag status={view.target.status} text={view.target.statusText} />
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {hasRanks ? (
        <p className="table-footnote">
          <sup>*</sup> A rank places councils in order of their published figures (1st is the best, or the highest where
          neither direction is better) and quartiles split them into four equal groups. A rank is not a statistical
          test: councils a few places apart may not differ at all. &ldquo;Compared with England&rdquo; uses 95%
          confidence intervals; see <Link to={paths.methodology()}>how figures are compared</Link>.
        </p>
      ) : (
        <p className="table-footnote">
          &ldquo;Compared with England&rdquo; uses 95% confidence intervals; see{" "}
          <Link to={paths.methodology()}>how figures are compared</Link>.
        </p>
      )}
      <p>
        <button type="button" className="button button--secondary" onClick={download}>
          Download this table (CSV)
        </button>
      </p>
    </>
  );
}
