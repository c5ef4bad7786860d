import type { Headline } from "@plan-outcomes/server/contract";
import { Link } from "react-router";
import { ComparisonBadge } from "../../../components/comparison-badge.tsx";
import { ObservationFlags } from "../../../components/observation-flags.tsx";
import { TargetStatusTag } from "../../../components/target-status-tag.tsx";
import type { HeadlineView } from "../utils/to-headline-view.ts";
import { Sparkline } from "./sparkline.tsx";

interface HeadlineIndicatorProps {
  /** Unique on the page: an indicator can head more than one priority. */
  id: string;
  view: HeadlineView;
  trend: Headline["trend"];
  href: string;
  areaName: string;
}

/** One headline indicator of a priority: latest figure, change, comparators and the verdict against England. */
export function HeadlineIndicator({ id, view, trend, href, areaName }: HeadlineIndicatorProps) {
  return (
    <div className="headline">
      <h3 className="headline__title heading-s" id={`headline-${id}`}>
        <Link to={href}>{view.title}</Link>
      </h3>

      {view.latest ? (
        <>
          <div className="headline__figure">
            <p className="headline__latest">
              <span className="headline__value">
                {view.latest.valueParts[0]}
                {view.latest.valueParts[1] ? (
                  <span className="headline__unit"> {view.latest.valueParts[1]}</span>
                ) : null}
              </span>
              <span className="headline__period">
                <span className="visually-hidden">{areaName}, </span>
                {view.latest.periodLabel}
              </span>
            </p>
            {view.trendText ? <Sparkline trend={trend} label={`Trend for ${view.trendText}`} /> : null}
          </div>
          {view.latest.statusText ? <p className="headline__status">{view.latest.statusText}</p> : null}
          <ObservationFlags {...view.latest.flags} />

          {view.change || view.comparators.length > 0 || view.target || view.rankText ? (
            <dl className="headline__facts">
              {view.change ? (
                <div className="headline__fact">
                  <dt>{view.change.label}</dt>
                  <dd>{view.change.text}</dd>
                </div>
              ) : null}
              {view.target ? (
                <div className="headline__fact headline__fact--wrap">
                  <dt>{view.target.label}</dt>
                  <dd>
                    {view.target.valueText}{" "}
                    <TargetStatusTag status={view.target.status} text={view.target.statusText} />
                  </dd>
                </div>
              ) : null}
              {view.comparators.map((comparator) => (
                <div className="headline__fact" key={comparator.areaCode}>
                  <dt>{comparator.areaName}</dt>
                  <dd>
                    {comparator.valueText}
                    {comparator.statusText ? <span className="visually-hidden"> ({comparator.statusText})</span> : null}
                  </dd>
                </div>
              ))}
              {view.rankText ? (
                <div className="headline__fact headline__fact--wrap">
                  <dt>Rank in England</dt>
                  <dd>{view.rankText}</dd>
                </div>
              ) : null}
            </dl>
          ) : null}

          <p className="headline__comparison">
            <ComparisonBadge verdict={view.comparison.verdict} benchmarkName={view.comparison.benchmarkName} />
            {view.comparison.reason ? <span className="headline__reason">{view.comparison.reason}</span> : null}
          </p>
        </>
      ) : (
        <p className="headline__none">No figures for {areaName} yet.</p>
      )}
    </div>
  );
}
