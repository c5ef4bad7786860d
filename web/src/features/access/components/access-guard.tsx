import type { AccessRule, User } from "@plan-outcomes/server/contract";
import { useSuspenseQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { paths } from "../../../lib/paths.ts";
import { sessionQueries } from "../../../lib/session-queries.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { formatRoleWithArticle } from "../utils/format-role.ts";
import { type AccessDecision, toAccessDecision } from "../utils/to-access-decision.ts";

interface AccessGuardProps {
  /** The rule of the API route the page is built on, so page and API agree on who may use it. */
  rule: AccessRule;
  children: ReactNode;
}

/** Shows the page to those its API allows; tells everyone else plainly why not, rather than a broken page. */
export function AccessGuard({ rule, children }: AccessGuardProps) {
  return (
    <QueryBoundary
      resetKeys={[]}
      loading={<LoadingState label="Checking who is signed in" />}
      error={({ error, retry }) => <ErrorState error={error} headingLevel={1} onRetry={retry} />}
    >
      <AccessGuardDecision rule={rule}>{children}</AccessGuardDecision>
    </QueryBoundary>
  );
}

function AccessGuardDecision({ rule, children }: AccessGuardProps) {
  const { data: session } = useSuspenseQuery(sessionQueries.current());
  const decision = toAccessDecision(rule, session.user?.role ?? null);
  if (decision.kind === "allowed") return children;
  return <AccessRefused decision={decision} user={session.user} />;
}

function AccessRefused({
  decision,
  user,
}: {
  decision: Exclude<AccessDecision, { kind: "allowed" }>;
  user: User | null;
}) {
  const location = useLocation();
  useDocumentTitle(decision.heading);
  return (
    <>
      <h1 className="heading-l">{decision.heading}</h1>
      {decision.kind === "sign-in" || !user ? (
        <p>
          <Link to={paths.signIn(`${location.pathname}${location.search}`)}>Sign in</Link> if you have an account.
        </p>
      ) : (
        <p>
          You are signed in as {formatRoleWithArticle(user.role)}. If you need this page for your work, ask an
          administrator.
        </p>
      )}
      <p>
        <Link to={paths.overview()}>Go to the Plan overview</Link>
      </p>
    </>
  );
}
