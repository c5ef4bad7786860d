import { useSearchParams } from "react-router";
import { AccessGuard } from "../../features/access/components/access-guard.tsx";
import { PAGE_ACCESS } from "../../features/access/utils/page-access.ts";
import { FigureQueriesPage } from "../../features/indicators/components/figure-queries-page.tsx";

/** `/figure-queries` (open) and `/figure-queries?status=all`. */
export default function FigureQueriesRoute() {
  const [searchParams] = useSearchParams();
  return (
    <AccessGuard rule={PAGE_ACCESS.figureQueries}>
      <FigureQueriesPage showAll={searchParams.get("status") === "all"} />
    </AccessGuard>
  );
}
