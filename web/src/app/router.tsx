import { lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { LoadingState } from "../components/loading-state.tsx";
import { AppLayout } from "./layout.tsx";
import { NotFoundRoute } from "./routes/not-found-route.tsx";
import { OverviewRoute } from "./routes/overview-route.tsx";
import { RouteErrorRoute } from "./routes/route-error-route.tsx";

// The indicator page carries recharts: loaded only when someone opens an indicator.
const IndicatorRoute = lazy(() => import("./routes/indicator-route.tsx"));

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
          { path: "*", element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
