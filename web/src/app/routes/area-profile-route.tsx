import { useNavigate, useParams, useSearchParams } from "react-router";
import { AreaProfilePage } from "../../features/profiles/components/area-profile-page.tsx";
import { paths } from "../../lib/paths.ts";

/** `/areas/:code?compare=CODE`: the area and the one compared with live in the URL, so a view can be shared. */
export default function AreaProfileRoute() {
  const { code = "" } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  return (
    <AreaProfilePage
      code={code}
      compare={searchParams.get("compare")}
      onChoose={({ area, compare }) => navigate(paths.areaProfile(area, { compare }))}
    />
  );
}
