import { useNavigate, useParams, useSearchParams } from "react-router";
import { IndicatorPage } from "../../features/indicators/components/indicator-page.tsx";
import { paths, toCodeList } from "../../lib/paths.ts";

/** `/indicators/:code?areas=A,B,C&periods=P,Q`: areas and periods live in the URL. */
export default function IndicatorRoute() {
  const { code = "" } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const areas = toCodeList(searchParams.get("areas"));
  const periods = toCodeList(searchParams.get("periods"));

  return (
    <IndicatorPage
      code={code}
      areas={areas}
      periods={periods}
      onAreasChange={(next) => navigate(paths.indicator(code, { areas: next, periods }))}
    />
  );
}
