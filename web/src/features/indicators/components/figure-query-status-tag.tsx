import type { FigureQueryStatus } from "@plan-outcomes/server/contract";

const TAGS: Record<FigureQueryStatus, { className: string; symbol: string; text: string }> = {
  open: { className: "tag tag--red", symbol: "?", text: "Open query" },
  figure_stands: { className: "tag tag--green", symbol: "✓", text: "Answered: the figure stands" },
  corrected: { className: "tag tag--grey", symbol: "✎", text: "Answered: corrected" },
};

/** A query's state in words and a symbol; the colour only repeats them. */
export function FigureQueryStatusTag({ status }: { status: FigureQueryStatus }) {
  const tag = TAGS[status];
  return (
    <span className={tag.className}>
      <span aria-hidden="true">{tag.symbol} </span>
      {tag.text}
    </span>
  );
}
