import { useSearchParams } from "react-router";
import { FigureQueriesPage } from "../../features/figure-queries/components/figure-queries-page.tsx";

/** `/figure-queries` (open) and `/figure-queries?status=all`. */
export default function FigureQueriesRoute() {
  const [searchParams] = useSearchParams();
  return <FigureQueriesPage showAll={searchParams.get("status") === "all"} />;
}
