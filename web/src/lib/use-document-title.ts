import { useEffect } from "react";

export const SERVICE_NAME = "Plan Outcomes";

/** Sets the tab title as "Page – Plan Outcomes", the first thing a screen reader announces after navigation. */
export function useDocumentTitle(pageTitle: string | null | undefined): void {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${SERVICE_NAME}` : SERVICE_NAME;
  }, [pageTitle]);
}
