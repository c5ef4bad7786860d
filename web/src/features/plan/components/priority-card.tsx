import type { PrioritySummary } from "@plan-outcomes/server/contract";
import { Link } from "react-router";
import { paths } from "../../../lib/paths.ts";
import { toCountsSummary } from "../utils/to-counts-summary.ts";
import { toHeadlineView } from "../utils/to-headline-view.ts";
import { HeadlineIndicator } from "./headline-indicator.tsx";

interface PriorityCardProps {
  planCode: string;
  isCurrentPlan: boolean;
  summary: PrioritySummary;
  areaCode: string;
  areaName: string;
  isDefaultArea: boolean;
  /** For an earlier Plan: the title of the current priority this one continues as. */
  continuesAs: { title: string; planTitle: string } | null;
}

/** One priority of the Plan with its headline indicators. */
export function PriorityCard({
  planCode,
  isCurrentPlan,
  summary,
  areaCode,
  areaName,
  isDefaultArea,
  continuesAs,
}: PriorityCardProps) {
  const { priority, headlines, counts } = summary;
  const priorityHref = paths.priority(priority.code, {
    plan: isCurrentPlan ? undefined : planCode,
    area: isDefaultArea ? undefined : areaCode,
  });
  const headingId = `priority-${priority.code}`;
  const benchmarkName =
    headlines.map((headline) => headline.latest?.comparison?.benchmarkName).find(Boolean) ?? "England";

  return (
    <section className="priority-card" aria-labelledby={headingId}>
      <header className="priority-card__header">
        <p className="priority-card__number">Priority {priority.position}</p>
        <h2 className="priority-card__title heading-m" id={headingId}>
          {priority.title}
        </h2>
        {continuesAs ? (
          <p className="priority-card__continues">
            Continues as <strong>{continuesAs.title}</strong> in the {continuesAs.planTitle}
          </p>
        ) : null}
        {priority.aims ? <p className="priority-card__aims">{priority.aims}</p> : null}
        <p className="priority-card__counts">
          <span className="priority-card__counts-label">Headline indicators:</span>{" "}
          {toCountsSummary(counts, benchmarkName)}
        </p>
        <p className="priority-card__more">
          <Link to={priorityHref}>Every indicator of {priority.title}</Link>
        </p>
      </header>

      {headlines.length > 0 ? (
        <ul className="headline-list">
          {headlines.map((headline) => (
            <li key={headline.indicator.code}>
              <HeadlineIndicator
                id={`${priority.code}--${headline.indicator.code}`}
                view={toHeadlineView(headline, areaName, benchmarkName)}
                trend={headline.trend}
                areaName={areaName}
                href={
                  isDefaultArea
                    ? paths.indicator(headline.indicator.code)
                    : paths.indicator(headline.indicator.code, {
                        areas: [areaCode, ...headline.comparators.map((comparator) => comparator.areaCode)],
                      })
                }
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="priority-card__empty">No headline indicators have been chosen for this priority yet.</p>
      )}
    </section>
  );
}
