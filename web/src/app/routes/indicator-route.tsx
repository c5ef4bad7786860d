import { useNavigate, useParams, useSearchParams } from "react-router";
import type { CompareChoice } from "../../features/indicators/components/compare-areas.tsx";
import { IndicatorPage } from "../../features/indicators/components/indicator-page.tsx";
import { AREA_GROUP_LABELS } from "../../features/indicators/utils/to-comparison-bars.ts";
import { paths, toCodeList } from "../../lib/paths.ts";

/** `/indicators/:code?areas=A,B&periods=P,Q&compare=localities&comparePeriod=P`: every choice lives in the URL. */
export default function IndicatorRoute() {
  const { code = "" } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const areas = toCodeList(searchParams.get("areas"));
  const periods = toCodeList(searchParams.get("periods"));
  const among = searchParams.get("compare");
  const compare: CompareChoice = {
    among: among && among in AREA_GROUP_LABELS ? (among as CompareChoice["among"]) : "neighbours",
    period: searchParams.get("comparePeriod"),
  };

  return (
    <IndicatorPage
      code={code}
      areas={areas}
      periods={periods}
      onAreasChange={(next) => navigate(paths.indicator(code, { areas: next, periods, compare }))}
      compare={compare}
      onCompareChange={(next) => navigate(paths.indicator(code, { areas, periods, compare: next }))}
    />
  );
}
