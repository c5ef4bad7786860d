import type { Verdict } from "@plan-outcomes/server/contract";
import { ComparisonBadge } from "../../../components/comparison-badge.tsx";

const MEANINGS: { verdict: Verdict; meaning: string }[] = [
  {
    verdict: "better",
    meaning: "England’s figure lies outside the area’s 95% confidence interval, on the worse side.",
  },
  {
    verdict: "similar",
    meaning: "England’s figure lies inside the area’s 95% confidence interval: no significant difference.",
  },
  {
    verdict: "worse",
    meaning: "England’s figure lies outside the area’s 95% confidence interval, on the better side.",
  },
  { verdict: "higher", meaning: "Significantly higher, for an indicator where neither direction is better." },
  { verdict: "lower", meaning: "Significantly lower, for an indicator where neither direction is better." },
  {
    verdict: "not_compared",
    meaning:
      "No significance test is possible, for example when only a rate is published without its counts. The difference is not judged.",
  },
];

/** How to read the verdicts: shapes and words, with the statistics behind them. */
export function ComparisonKey() {
  return (
    <details className="details">
      <summary className="details__summary">How comparisons with England are made</summary>
      <div className="details__text">
        <p>
          Each area&rsquo;s latest figure is compared with England&rsquo;s for the same period, using a 95% confidence
          interval around the area&rsquo;s figure where the published counts allow one.
        </p>
        <dl className="key-list">
          {MEANINGS.map(({ verdict, meaning }) => (
            <div key={verdict}>
              <dt>
                <ComparisonBadge verdict={verdict} benchmarkName="England" />
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <p>
          &ldquo;Change since&rdquo; is the difference from the previous period. It is not a tested trend: a trend needs
          at least five consecutive figures.
        </p>
      </div>
    </details>
  );
}
