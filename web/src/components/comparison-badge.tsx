import type { Verdict } from "@plan-outcomes/server/contract";
import { formatVerdict, VERDICTS } from "../lib/format.ts";

interface ComparisonBadgeProps {
  verdict: Verdict;
  /** The area compared with: "England". */
  benchmarkName: string;
}

/** A verdict in words and a shape ("▲ Better than England"); colour only repeats what the words say. */
export function ComparisonBadge({ verdict, benchmarkName }: ComparisonBadgeProps) {
  return (
    <span className={`comparison-badge comparison-badge--${verdict.replace("_", "-")}`}>
      <span className="comparison-badge__symbol" aria-hidden="true">
        {VERDICTS[verdict].symbol}
      </span>
      {formatVerdict(verdict, benchmarkName)}
    </span>
  );
}
