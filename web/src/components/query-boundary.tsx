import { QueryErrorResetBoundary } from "@tanstack/react-query";
import { type ReactNode, Suspense } from "react";
import { ErrorBoundary } from "./error-boundary.tsx";

interface QueryBoundaryProps {
  loading: ReactNode;
  error: (props: { error: unknown; retry: () => void }) => ReactNode;
  /** Clears a caught error when these change, e.g. the route's parameters. */
  resetKeys: readonly unknown[];
  children: ReactNode;
}

/** Loading and error states for components that read with useSuspenseQuery; "Try again" refetches. */
export function QueryBoundary({ loading, error, resetKeys, children }: QueryBoundaryProps) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          resetKeys={resetKeys}
          onReset={reset}
          fallback={({ error: caught, reset: retry }) => error({ error: caught, retry })}
        >
          <Suspense fallback={loading}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
