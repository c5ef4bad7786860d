import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { RouterProvider } from "react-router/dom";
import { LoadingState } from "../components/loading-state.tsx";
import { COUNCIL_AREA_CODE } from "../lib/area-queries.ts";
import { paths } from "../lib/paths.ts";
import { AppLayout } from "./layout.tsx";
import { NotFoundRoute } from "./routes/not-found-route.tsx";
import { OverviewRoute } from "./routes/overview-route.tsx";
import { RouteErrorRoute } from "./routes/route-error-route.tsx";
import { SignInRoute } from "./routes/sign-in-route.tsx";

// The indicator page carries recharts: loaded only when someone opens an indicator.
const IndicatorRoute = lazy(() => import("./routes/indicator-route.tsx"));
// Area profiles carry their own tables and spine charts: loaded only when someone opens one.
const AreaProfileRoute = lazy(() => import("./routes/area-profile-route.tsx"));
// Pages for signed-in people and administrators: most visitors never open them.
const TokensRoute = lazy(() => import("./routes/tokens-route.tsx"));
const UsersRoute = lazy(() => import("./routes/users-route.tsx"));
const AuditRoute = lazy(() => import("./routes/audit-route.tsx"));

function lazyPage(page: ReactNode, label: string) {
  return <Suspense fallback={<LoadingState label={label} />}>{page}</Suspense>;
}

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      {
        // Inside the layout, so header, navigation and footer stay when a page fails.
        errorElement: <RouteErrorRoute />,
        children: [
          { index: true, element: <OverviewRoute /> },
          {
            path: "indicators/:code",
            element: (
              <Suspense fallback={<LoadingState label="Loading the indicator page" />}>
                <IndicatorRoute />
              </Suspense>
            ),
          },
          { path: "areas", element: <Navigate to={paths.areaProfile(COUNCIL_AREA_CODE)} replace /> },
          { path: "areas/:code", element: lazyPage(<AreaProfileRoute />, "Loading the area profile") },
          { path: "sign-in", element: <SignInRoute /> },
          { path: "account/tokens", element: lazyPage(<TokensRoute />, "Loading your API tokens") },
          { path: "admin/users", element: lazyPage(<UsersRoute />, "Loading the users page") },
          { path: "admin/audit", element: lazyPage(<AuditRoute />, "Loading the audit trail") },
          { path: "*", element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
