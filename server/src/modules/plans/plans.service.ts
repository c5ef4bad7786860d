import type { Database } from "@plan-outcomes/db";
import type { Plan } from "../../contract/index.ts";
import { NotFoundError } from "../../errors.ts";
import { selectPlans, selectPrioritiesWithSuccessors } from "./plans.queries.ts";

export async function listPlans(db: Database): Promise<Plan[]> {
  const [plans, priorities] = await Promise.all([selectPlans(db), selectPrioritiesWithSuccessors(db)]);
  return plans.map((plan) => ({
    code: plan.code,
    title: plan.title,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    isCurrent: plan.isCurrent,
    priorities: priorities
      .filter((priority) => priority.planId === plan.id)
      .map(({ planId: _planId, continuesAs, ...priority }) => ({
        ...priority,
        continuesAs: plan.isCurrent ? null : continuesAs,
      })),
  }));
}

export async function getPlan(db: Database, code: string): Promise<Plan> {
  const plan = (await listPlans(db)).find((candidate) => candidate.code === code);
  if (!plan) throw new NotFoundError("plan", code);
  return plan;
}
