import { type MouseEvent, useEffect, useRef } from "react";
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from "react-router";
import { AccountNavLinks, AccountStatus } from "../features/access/components/account-header.tsx";
import { paths } from "../lib/paths.ts";

const MAIN_ID = "main-content";

function focusMain(): void {
  document.getElementById(MAIN_ID)?.focus();
}

/** Moves focus to the main content after a client-side page change, as a full page load would reset it. */
function useFocusMainOnPageChange(): void {
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (pathname) focusMain();
  }, [pathname]);
}

export function AppLayout() {
  useFocusMainOnPageChange();
  const navigate = useNavigate();

  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    focusMain();
  }

  return (
    <>
      <a href={`#${MAIN_ID}`} className="skip-link" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="header">
        <div className="width-container header__inner">
          <Link to="/" className="header__service">
            Plan Outcomes
          </Link>
          <span className="header__organisation">Dorset&rsquo;s Strategic Alliance for Children and Young People</span>
          <AccountStatus
            onSignedOut={() => {
              navigate(paths.overview());
              // The sign-out button has gone: put focus somewhere sensible, even when already on the overview.
              focusMain();
            }}
          />
        </div>
      </header>
      <nav className="nav" aria-label="Main">
        <div className="width-container">
          <ul className="nav__list">
            <li>
              <NavLink to="/" end className="nav__link">
                Overview
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.areaProfiles()} className="nav__link">
                Area profiles
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.methodology()} className="nav__link">
                Methodology
              </NavLink>
            </li>
            <li>
              <a href={paths.apiDocs} className="nav__link">
                API docs
              </a>
            </li>
            <AccountNavLinks />
          </ul>
        </div>
      </nav>
      <div className="width-container">
        <main className="main" id={MAIN_ID} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="footer">
        <div className="width-container">
          <p>
            Contains Department for Education data licensed under the{" "}
            <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">
              Open Government Licence v3.0
            </a>
            .
          </p>
          <ul className="footer__links">
            <li>
              <Link to={paths.methodology()}>Methodology</Link>
            </li>
            <li>
              <Link to={paths.accessibility()}>Accessibility statement</Link>
            </li>
          </ul>
          <p>
            Figures from Dorset&rsquo;s Strategic Alliance documents and Local Alliance Group meetings are labelled with
            their source. Illustrative figures are marked as such and are not published statistics.
          </p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
