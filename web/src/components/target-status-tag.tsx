import type { TargetStatus } from "@plan-outcomes/server/contract";

const TAG_CLASS: Record<TargetStatus, string> = {
  met: "tag tag--green",
  not_yet_met: "tag tag--grey",
  missed: "tag tag--red",
  not_assessed: "tag tag--grey",
};

const SYMBOL: Record<TargetStatus, string> = { met: "✓", not_yet_met: "…", missed: "✗", not_assessed: "–" };

/** A target's status in words with a symbol; the colour only repeats them. */
export function TargetStatusTag({ status, text }: { status: TargetStatus; text: string }) {
  return (
    <span className={TAG_CLASS[status]}>
      <span aria-hidden="true">{SYMBOL[status]} </span>
      {text}
    </span>
  );
}
