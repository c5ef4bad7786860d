interface LoadingStateProps {
  /** What is loading, in words: "Loading the indicator". */
  label?: string;
}

/** Announced politely by screen readers; shown as text, not only as an animation. */
export function LoadingState({ label = "Loading" }: LoadingStateProps) {
  return (
    <div className="loading-state" role="status">
      <span className="loading-state__spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}
