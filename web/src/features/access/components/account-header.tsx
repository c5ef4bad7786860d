import type { AccessRule } from "@plan-outcomes/server/contract";
import { useQuery } from "@tanstack/react-query";
import { Link, NavLink, useLocation } from "react-router";
import { paths } from "../../../lib/paths.ts";
import { sessionQueries, useSignOut } from "../../../lib/session-queries.ts";
import { formatRole } from "../utils/format-role.ts";
import { PAGE_ACCESS } from "../utils/page-access.ts";
import { toAccessDecision } from "../utils/to-access-decision.ts";

interface AccountStatusProps {
  onSignedOut: () => void;
}

/** The header's corner: who is signed in, as what, and a way out; or a way in. */
export function AccountStatus({ onSignedOut }: AccountStatusProps) {
  const { data: session, isPending } = useQuery(sessionQueries.current());
  const signOut = useSignOut();
  const location = useLocation();

  // Nothing until known, rather than a "Sign in" link that turns into a name.
  if (isPending) return <div className="header__account" />;

  const user = session?.user;
  if (!user) {
    const here = location.pathname === "/sign-in" ? undefined : `${location.pathname}${location.search}`;
    return (
      <div className="header__account">
        <Link to={paths.signIn(here)} className="header__link">
          Sign in
        </Link>
      </div>
    );
  }

  return (
    <div className="header__account">
      <span className="header__user">
        Signed in as <strong>{user.displayName || user.email}</strong> ({formatRole(user.role)})
      </span>
      <button
        type="button"
        className="header__button"
        onClick={() => {
          if (!signOut.isPending) signOut.mutate(undefined, { onSettled: onSignedOut });
        }}
      >
        Sign out
      </button>
    </div>
  );
}

/** Navigation to the pages the signed-in person may use, judged by the rules of the API routes behind them. */
export function AccountNavLinks() {
  const { data: session } = useQuery(sessionQueries.current());
  const role = session?.user?.role ?? null;
  if (!role) return null;
  const may = (rule: AccessRule) => toAccessDecision(rule, role).kind === "allowed";
  return (
    <>
      {may(PAGE_ACCESS.figureQueries) ? (
        <li>
          <NavLink to={paths.figureQueries()} className="nav__link">
            Figure queries
          </NavLink>
        </li>
      ) : null}
      {may(PAGE_ACCESS.tokens) ? (
        <li>
          <NavLink to={paths.tokens()} className="nav__link">
            API tokens
          </NavLink>
        </li>
      ) : null}
      {may(PAGE_ACCESS.uploads) ? (
        <li>
          <NavLink to={paths.uploads()} className="nav__link">
            Data uploads
          </NavLink>
        </li>
      ) : null}
      {may(PAGE_ACCESS.referenceData) ? (
        <li>
          <NavLink to={paths.referenceData()} className="nav__link">
            Reference data
          </NavLink>
        </li>
      ) : null}
      {may(PAGE_ACCESS.users) ? (
        <li>
          <NavLink to={paths.users()} className="nav__link">
            Users
          </NavLink>
        </li>
      ) : null}
      {may(PAGE_ACCESS.audit) ? (
        <li>
          <NavLink to={paths.audit()} className="nav__link">
            Audit trail
          </NavLink>
        </li>
      ) : null}
    </>
  );
}
