import type { ReactNode } from "react";

interface EmptyStateProps {
  children: ReactNode;
}

/** Said in words when there is nothing to show, rather than an empty chart or table. */
export function EmptyState({ children }: EmptyStateProps) {
  return <div className="empty-state">{children}</div>;
}
