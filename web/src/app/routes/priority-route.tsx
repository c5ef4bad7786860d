import { useParams, useSearchParams } from "react-router";
import { PriorityPage } from "../../features/plan/components/priority-page.tsx";

/** `/priorities/:code?plan=…&area=…`: the choices live in the URL, so a view can be shared. */
export default function PriorityRoute() {
  const { code = "" } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const plan = searchParams.get("plan");
  return (
    <PriorityPage
      priorityCode={code}
      planCode={plan}
      areaCode={searchParams.get("area")}
      onChooseArea={(area) => setSearchParams(plan ? { plan, area } : { area })}
    />
  );
}
