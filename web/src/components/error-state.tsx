import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { ApiError } from "../lib/api-client.ts";
import { paths } from "../lib/paths.ts";

type HeadingLevel = 1 | 2 | 3;

interface ErrorStateProps {
  error: unknown;
  /** 1 when the error replaces the whole page, so the page still has its one h1. */
  headingLevel?: HeadingLevel;
  /** Heading when the API says the thing does not exist: "Indicator not found". */
  notFoundTitle?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

function Heading({ level, children }: { level: HeadingLevel; children: ReactNode }) {
  if (level === 1) return <h1 className="heading-l">{children}</h1>;
  if (level === 2) return <h2 className="heading-m">{children}</h2>;
  return <h3 className="heading-s">{children}</h3>;
}

/** One error policy: a 404 reads as "not found" with the API's own explanation; anything else offers a retry. */
export function ErrorState({
  error,
  headingLevel = 2,
  notFoundTitle = "Not found",
  onRetry,
  children,
}: ErrorStateProps) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="error-state error-state--not-found" role="alert">
        <Heading level={headingLevel}>{notFoundTitle}</Heading>
        <p>{error.problem?.detail ?? "We could not find what you asked for."}</p>
        {children ?? (
          <p>
            Check the web address, or <Link to="/">go to the Plan overview</Link>.
          </p>
        )}
      </div>
    );
  }

  if (error instanceof ApiError && error.needsSignIn) {
    return (
      <SignInNeeded headingLevel={headingLevel} detail={error.problem?.detail}>
        {children}
      </SignInNeeded>
    );
  }

  if (error instanceof ApiError && error.status === 403) {
    return (
      <div className="error-state" role="alert">
        <Heading level={headingLevel}>You do not have access to these figures</Heading>
        <p>{error.problem?.detail ?? "Ask your administrator for access."}</p>
        {children}
      </div>
    );
  }

  const badRequest = error instanceof ApiError && error.status === 400;
  return (
    <div className="error-state" role="alert">
      <Heading level={headingLevel}>
        {badRequest ? "There is a problem with this address" : "Sorry, there is a problem with the service"}
      </Heading>
      <p>
        {badRequest
          ? (error.problem?.detail ?? error.message)
          : "The figures could not be loaded. This may be a temporary problem."}
      </p>
      {onRetry && !badRequest ? (
        <p>
          <button type="button" className="button button--secondary" onClick={onRetry}>
            Try again
          </button>
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** A 401: offers to sign in and come back to this very page. */
function SignInNeeded({
  headingLevel,
  detail,
  children,
}: {
  headingLevel: HeadingLevel;
  detail: string | undefined;
  children: ReactNode;
}) {
  const location = useLocation();
  return (
    <div className="error-state" role="alert">
      <Heading level={headingLevel}>You need to sign in to see these figures</Heading>
      {detail ? <p>{detail}</p> : null}
      <p>
        <Link to={paths.signIn(`${location.pathname}${location.search}`)}>Sign in</Link>, then you will come back here.
      </p>
      {children}
    </div>
  );
}
