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
const FigureQueriesRoute = lazy(() => import("./routes/figure-queries-route.tsx"));
const PriorityRoute = lazy(() => import("./routes/priority-route.tsx"));
const BoardPackRoute = lazy(() => import("./routes/board-pack-route.tsx"));
const MethodologyRoute = lazy(() => import("./routes/methodology-route.tsx"));
const AccessibilityRoute = lazy(() => import("./routes/accessibility-route.tsx"));
// Analysts' pages (uploads carry recharts for the preview): loaded only when opened.
const UploadsRoute = lazy(() => import("./routes/uploads-route.tsx"));
const UploadReportRoute = lazy(() => import("./routes/upload-report-route.tsx"));
const DatasetsRoute = lazy(() => import("./routes/datasets-route.tsx"));
const DatasetHistoryRoute = lazy(() => import("./routes/dataset-history-route.tsx"));
const ReferenceDataRoute = lazy(() => import("./routes/reference-data-route.tsx"));

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
          { path: "priorities/:code", element: lazyPage(<PriorityRoute />, "Loading the priority") },
          { path: "board-pack", element: lazyPage(<BoardPackRoute />, "Preparing the board pack") },
          { path: "methodology", element: lazyPage(<MethodologyRoute />, "Loading the methodology") },
          { path: "accessibility", element: lazyPage(<AccessibilityRoute />, "Loading the accessibility statement") },
          { path: "areas", element: <Navigate to={paths.areaProfile(COUNCIL_AREA_CODE)} replace /> },
          { path: "areas/:code", element: lazyPage(<AreaProfileRoute />, "Loading the area profile") },
          { path: "sign-in", element: <SignInRoute /> },
          { path: "account/tokens", element: lazyPage(<TokensRoute />, "Loading your API tokens") },
          { path: "admin/users", element: lazyPage(<UsersRoute />, "Loading the users page") },
          { path: "figure-queries", element: lazyPage(<FigureQueriesRoute />, "Loading the figure queries") },
          { path: "admin/audit", element: lazyPage(<AuditRoute />, "Loading the audit trail") },
          { path: "uploads", element: lazyPage(<UploadsRoute />, "Loading the uploads page") },
          { path: "uploads/:id", element: lazyPage(<UploadReportRoute />, "Loading the upload's report") },
          { path: "datasets", element: lazyPage(<DatasetsRoute />, "Loading the dataset history") },
          { path: "datasets/:code", element: lazyPage(<DatasetHistoryRoute />, "Loading the dataset's history") },
          { path: "reference-data", element: lazyPage(<ReferenceDataRoute />, "Loading the reference data") },
          { path: "reference-data/:kind", element: lazyPage(<ReferenceDataRoute />, "Loading the reference data") },
          { path: "*", element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
