import type { Database } from "@plan-outcomes/db";
import type { PlanSummary, PriorityDetail } from "../../contract/index.ts";
import { NotFoundError } from "../../errors.ts";
import type { ProvisionalScope } from "../access/reading.ts";
import { listIndicatorDetails } from "../indicators/indicators.service.ts";
import { countVerdicts, loadHeadlines } from "./headlines.service.ts";
import { selectDataVersion } from "./plans.queries.ts";
import { getPlan } from "./plans.service.ts";

const endOfYear = (year: string | undefined) => (year === undefined ? undefined : `${year}-12-31`);

/** Each priority's headline indicators for one area: what the Board reads first. */
export async function getPlanSummary(
  db: Database,
  planCode: string,
  query: { area?: string; asOf?: string },
  provisional: ProvisionalScope,
): Promise<PlanSummary> {
  const plan = await getPlan(db, planCode);
  const indicators = await listIndicatorDetails(db, { headlinesOfPlan: planCode });
  const { area, headlineOf } = await loadHeadlines(db, indicators, query.area, provisional, endOfYear(query.asOf));
  const priorities = plan.priorities.map((priority) => {
    const headlines = indicators
      .filter((indicator) =>
        indicator.priorities.some((link) => link.plan === planCode && link.code === priority.code && link.isHeadline),
      )
      .map(headlineOf);
    return { priority, headlines, counts: countVerdicts(headlines) };
  });
  return { plan: { code: plan.code, title: plan.title }, area, dataVersion: await selectDataVersion(db), priorities };
}

/** Every indicator of one priority, headlines first, for the priority page. */
export async function getPriorityDetail(
  db: Database,
  planCode: string,
  priorityCode: string,
  query: { area?: string; asOf?: string },
  provisional: ProvisionalScope,
): Promise<PriorityDetail> {
  const plan = await getPlan(db, planCode);
  const priority = plan.priorities.find((candidate) => candidate.code === priorityCode);
  if (!priority) throw new NotFoundError("priority", priorityCode);
  const indicators = await listIndicatorDetails(db, { ofPriority: { plan: planCode, priority: priorityCode } });
  const linkOf = (indicator: (typeof indicators)[number]) =>
    indicator.priorities.find((link) => link.plan === planCode && link.code === priorityCode);
  const ordered = [...indicators].sort(
    (a, b) => Number(linkOf(b)?.isHeadline ?? false) - Number(linkOf(a)?.isHeadline ?? false),
  );
  const { area, headlineOf } = await loadHeadlines(db, ordered, query.area, provisional, endOfYear(query.asOf));
  const headlines = ordered.map(headlineOf);
  return {
    plan: { code: plan.code, title: plan.title },
    area,
    priority,
    headlines,
    counts: countVerdicts(headlines),
  };
}
