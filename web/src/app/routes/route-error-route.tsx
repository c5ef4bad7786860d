import { useRouteError } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { useDocumentTitle } from "../../lib/use-document-title.ts";

/** Last resort for errors no page handled, including a page's code failing to load after a release. */
export function RouteErrorRoute() {
  const error = useRouteError();
  useDocumentTitle("Sorry, there is a problem");
  return (
    <ErrorState error={error} headingLevel={1} onRetry={() => window.location.reload()}>
      <p>If reloading the page does not help, try again later.</p>
    </ErrorState>
  );
}
