import type { Area, Plan } from "@plan-outcomes/server/contract";
import { useIsFetching, useSuspenseQueries, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { EmptyState } from "../../../components/empty-state.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { areaQueries, COUNCIL_AREA_CODE } from "../../../lib/area-queries.ts";
import { formatDate } from "../../../lib/format.ts";
import { paths } from "../../../lib/paths.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { planQueries } from "../api/plan-queries.ts";
import { toAreaChoices } from "../utils/to-area-choices.ts";
import { ComparisonKey } from "./comparison-key.tsx";
import { PlanChooser } from "./plan-chooser.tsx";
import { PriorityCard } from "./priority-card.tsx";

interface PlanOverviewProps {
  /** From the URL; null means the current Plan. */
  planCode: string | null;
  /** From the URL; null means Dorset. */
  areaCode: string | null;
  /** From the URL: a year, or null for the latest figures. */
  asOf: string | null;
  onChoose: (choice: { plan: string; area: string; asOf: string | null }) => void;
}

/** The Plan overview page: choose a Plan and area, then one card per priority. */
export function PlanOverview({ planCode, areaCode, asOf, onChoose }: PlanOverviewProps) {
  return (
    <QueryBoundary
      resetKeys={[planCode, areaCode, asOf]}
      loading={<LoadingState label="Loading the Plan" />}
      error={({ error, retry }) => <OverviewPageError error={error} retry={retry} />}
    >
      <PlanOverviewContent planCode={planCode} areaCode={areaCode} asOf={asOf} onChoose={onChoose} />
    </QueryBoundary>
  );
}

function OverviewPageError({ error, retry }: { error: unknown; retry: () => void }) {
  useDocumentTitle("Sorry, there is a problem");
  return <ErrorState error={error} headingLevel={1} onRetry={retry} />;
}

function PlanOverviewContent({ planCode, areaCode, asOf, onChoose }: PlanOverviewProps) {
  const [{ data: plans }, { data: areas }] = useSuspenseQueries({
    queries: [planQueries.list(), areaQueries.list()],
  });
  const plan = planCode ? plans.find((candidate) => candidate.code === planCode) : plans.find((p) => p.isCurrent);
  const area = areas.find((candidate) => candidate.code === (areaCode ?? COUNCIL_AREA_CODE));

  if (!plan || !area) {
    return <ChoiceNotFound what={!plan ? "Plan" : "area"} code={(!plan ? planCode : areaCode) ?? ""} />;
  }
  return <PlanOverviewPage plans={plans} plan={plan} areas={areas} area={area} asOf={asOf} onChoose={onChoose} />;
}

function ChoiceNotFound({ what, code }: { what: "Plan" | "area"; code: string }) {
  useDocumentTitle(`${what === "Plan" ? "Plan" : "Area"} not found`);
  return (
    <div className="error-state" role="alert">
      <h1 className="heading-l">{what === "Plan" ? "Plan" : "Area"} not found</h1>
      <p>
        There is no {what} with the code &ldquo;{code}&rdquo;. <Link to="/">Show the current Plan for Dorset</Link>.
      </p>
    </div>
  );
}

interface PlanOverviewPageProps {
  plans: readonly Plan[];
  plan: Plan;
  areas: readonly Area[];
  area: Area;
  asOf: string | null;
  onChoose: PlanOverviewProps["onChoose"];
}

/** The years a reader can look back to: from the year before the first Plan began to this year, newest first. */
function yearsToOffer(plans: readonly Plan[]): string[] {
  const first = Math.min(...plans.map((candidate) => Number(candidate.startsOn.slice(0, 4)))) - 1;
  const last = new Date().getFullYear();
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => String(last - index));
}

function PlanOverviewPage({ plans, plan, areas, area, asOf, onChoose }: PlanOverviewPageProps) {
  useDocumentTitle(`${plan.title}: ${area.name}`);
  const updating = useIsFetching({ queryKey: planQueries.summaries() }) > 0;

  return (
    <>
      <span className="caption-l">Outcomes for {area.name}</span>
      <h1 className="heading-xl">{plan.title}</h1>
      <p className="lead">
        {plan.isCurrent ? "The current Plan" : "An earlier Plan"}, {formatDate(plan.startsOn)} to{" "}
        {formatDate(plan.endsOn)}: how {area.name} is doing on each of its {plan.priorities.length} priorities.
        {asOf
          ? ` Figures as they stood at the end of ${asOf}: periods ending by 31 December ${asOf}.`
          : plan.isCurrent
            ? ""
            : " The figures are the latest published, including any from after the Plan ended."}
      </p>
      <p>
        <Link to={paths.areaProfile(area.code)}>Area profile of {area.name}</Link>: every indicator with figures for{" "}
        {area.name}, compared{area.code === COUNCIL_AREA_CODE ? " with England" : " with Dorset and England"} and ranked
        among similar areas.
      </p>

      <PlanChooser
        plans={plans}
        areaGroups={toAreaChoices(areas, COUNCIL_AREA_CODE)}
        planCode={plan.code}
        areaCode={area.code}
        asOf={asOf}
        years={yearsToOffer(plans)}
        onChoose={onChoose}
      />
      <p className="updating" role="status">
        {updating ? "Updating the figures…" : ""}
      </p>

      <p>
        <Link
          to={paths.boardPack({
            plan: plan.isCurrent ? undefined : plan.code,
            area: area.code === COUNCIL_AREA_CODE ? undefined : area.code,
          })}
        >
          Board pack: print view, one priority per page
        </Link>
      </p>

      <ComparisonKey />

      <QueryBoundary
        resetKeys={[plan.code, area.code, asOf]}
        loading={<LoadingState label={`Loading the figures for ${area.name}`} />}
        error={({ error, retry }) => <ErrorState error={error} onRetry={retry} notFoundTitle="No figures found" />}
      >
        <PlanPriorities plan={plan} plans={plans} area={area} asOf={asOf} />
      </QueryBoundary>
    </>
  );
}

function PlanPriorities({
  plan,
  plans,
  area,
  asOf,
}: {
  plan: Plan;
  plans: readonly Plan[];
  area: Area;
  asOf: string | null;
}) {
  const { data: summary } = useSuspenseQuery(planQueries.summary(plan.code, area.code, asOf));
  const currentPlan = plans.find((candidate) => candidate.isCurrent);

  if (summary.priorities.length === 0) {
    return (
      <EmptyState>
        <p>This Plan has no priorities recorded yet.</p>
      </EmptyState>
    );
  }

  return (
    <div className="priority-list">
      {summary.priorities.map((prioritySummary) => {
        const continuesAsCode = prioritySummary.priority.continuesAs;
        const continuesAs =
          continuesAsCode && currentPlan && currentPlan.code !== plan.code
            ? {
                title:
                  currentPlan.priorities.find((priority) => priority.code === continuesAsCode)?.title ??
                  continuesAsCode,
                planTitle: currentPlan.title,
              }
            : null;
        return (
          <PriorityCard
            key={prioritySummary.priority.code}
            planCode={plan.code}
            isCurrentPlan={plan.isCurrent}
            summary={prioritySummary}
            areaCode={summary.area.code}
            areaName={summary.area.name}
            isDefaultArea={summary.area.code === COUNCIL_AREA_CODE}
            continuesAs={continuesAs}
          />
        );
      })}
    </div>
  );
}
