import { Component, type ReactNode } from "react";

interface ErrorBoundaryProps {
  /** When any of these change, a caught error is cleared (e.g. the URL changed). */
  resetKeys: readonly unknown[];
  onReset?: () => void;
  fallback: (props: { error: unknown; reset: () => void }) => ReactNode;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  hasError: boolean;
  resetKeys: readonly unknown[];
}

function changed(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length !== b.length || a.some((item, index) => !Object.is(item, b[index]));
}

/** React still needs a class for this: catches render errors (and suspense queries' errors) below it. Logging is main.tsx's onCaughtError. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, hasError: false, resetKeys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error, hasError: true };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> {
    if (state.hasError && changed(props.resetKeys, state.resetKeys)) {
      props.onReset?.();
      return { error: null, hasError: false, resetKeys: props.resetKeys };
    }
    return { resetKeys: props.resetKeys };
  }

  reset = (): void => {
    this.props.onReset?.();
    this.setState({ error: null, hasError: false });
  };

  override render(): ReactNode {
    if (this.state.hasError) return this.props.fallback({ error: this.state.error, reset: this.reset });
    return this.props.children;
  }
}
