import { useNavigate, useParams, useSearchParams } from "react-router";
import { AreaProfilePage } from "../../features/profiles/components/area-profile-page.tsx";
import { paths } from "../../lib/paths.ts";

/**
 * `/areas/:code?compare=CODE&scatterX=INDICATOR&scatterY=INDICATOR`: the area, the one compared with
 * and the scatter's two indicators live in the URL, so a view can be shared and back and forward work.
 */
export default function AreaProfileRoute() {
  const { code = "" } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const compare = searchParams.get("compare");
  const scatter = { x: searchParams.get("scatterX"), y: searchParams.get("scatterY") };
  return (
    <AreaProfilePage
      code={code}
      compare={compare}
      scatter={scatter}
      onChoose={({ area, compare }) => navigate(paths.areaProfile(area, { compare, scatter }))}
      // The scatter is far down the page: choosing its indicators keeps the reader where they are.
      onChooseScatter={(choice) =>
        navigate(paths.areaProfile(code, { compare, scatter: choice }), { preventScrollReset: true })
      }
    />
  );
}
