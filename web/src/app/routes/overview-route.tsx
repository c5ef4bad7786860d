import { useSearchParams } from "react-router";
import { PlanOverview } from "../../features/plan/components/plan-overview.tsx";

/** `/?plan=cypf-2023-2033&area=E06000059&asOf=2024`: the choices live in the URL, so a view can be shared or bookmarked. */
export function OverviewRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  return (
    <PlanOverview
      planCode={searchParams.get("plan")}
      areaCode={searchParams.get("area")}
      asOf={searchParams.get("asOf")}
      onChoose={({ plan, area, asOf }) => setSearchParams(asOf ? { plan, area, asOf } : { plan, area })}
    />
  );
}
