/** Where an upload has got to, as the form shows it. */
export type UploadPhase =
  | { kind: "idle" }
  | { kind: "sending"; sent: number; total: number }
  | { kind: "checking" }
  | { kind: "cancelled" };

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
      return `${fileName} sent. Checking the file…`;
    case "cancelled":
      return `Upload of ${fileName} cancelled. Nothing was checked or published.`;
  }
}
