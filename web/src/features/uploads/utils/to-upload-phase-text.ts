import { CHECK_STEP_LABELS, type CheckProgress } from "@plan-outcomes/server/contract";

/** Where an upload has got to, as the form shows it. */
export type UploadPhase =
  | { kind: "idle" }
  | { kind: "sending"; sent: number; total: number }
  /** `progressKey`: what the server's check can be followed by. `progress`: what it last said, if it has. */
  | { kind: "checking"; progressKey: string; progress?: CheckProgress | undefined }
  | { kind: "cancelled" };

/**
 * What the check (or, with the publish's labels, the publish) is doing, and how much of the file the step has read:
 * null while the step does not read it, or before the server has said (the bar is then indeterminate).
 */
export function toCheckProgressText(
  progress: CheckProgress | undefined,
  labels: Record<CheckProgress["step"], string> = CHECK_STEP_LABELS,
  waiting = "Checking the file",
): { label: string; percent: number | null } {
  if (!progress) return { label: waiting, percent: null };
  const { bytesRead, bytes } = progress;
  const percent =
    bytesRead !== null && bytes !== null && bytes > 0 ? Math.min(100, Math.floor((bytesRead / bytes) * 100)) : null;
  return { label: labels[progress.step], percent };
}

/** Whole percent sent, never over 100; 0 when the size is not known yet. */
export function toPercentSent(phase: UploadPhase): number {
  if (phase.kind !== "sending" || phase.total <= 0) return 0;
  return Math.min(100, Math.round((phase.sent / phase.total) * 100));
}

/**
 * What the live region says. Sending is announced in quarters: every percent would drown out everything else a
 * screen reader has to say.
 */
export function toPhaseAnnouncement(phase: UploadPhase, fileName: string): string {
  switch (phase.kind) {
    case "idle":
      return "";
    case "sending": {
      const quarter = phase.total > 0 ? Math.min(100, Math.floor((phase.sent / phase.total) * 4) * 25) : 0;
      return `Sending ${fileName}: ${quarter}% sent.`;
    }
    case "checking":
      // The step, never its percent: a screen reader hears each step once.
      return `${fileName} sent. ${toCheckProgressText(phase.progress).label}…`;
    case "cancelled":
      return `Upload of ${fileName} cancelled. Nothing was checked or published.`;
  }
}
