import { useNavigate } from "react-router";
import { AccessGuard } from "../../features/access/components/access-guard.tsx";
import { PAGE_ACCESS } from "../../features/access/utils/page-access.ts";
import { UploadsPage } from "../../features/uploads/components/uploads-page.tsx";
import { paths } from "../../lib/paths.ts";

/** `/uploads`: analysts and administrators check files here; after a check, on to its report. */
export default function UploadsRoute() {
  const navigate = useNavigate();
  return (
    <AccessGuard rule={PAGE_ACCESS.uploads}>
      <UploadsPage onChecked={(id) => navigate(paths.upload(id))} />
    </AccessGuard>
  );
}
