import { useParams } from "react-router";
import { AccessGuard } from "../../features/access/components/access-guard.tsx";
import { PAGE_ACCESS } from "../../features/access/utils/page-access.ts";
import { UploadReportPage } from "../../features/uploads/components/upload-report-page.tsx";
import { NotFoundRoute } from "./not-found-route.tsx";

/** `/uploads/:id`: one upload's report, to share with a colleague before publishing. */
export default function UploadReportRoute() {
  const { id = "" } = useParams();
  if (!/^[1-9]\d{0,9}$/.test(id)) return <NotFoundRoute />;
  return (
    <AccessGuard rule={PAGE_ACCESS.uploads}>
      <UploadReportPage id={Number(id)} />
    </AccessGuard>
  );
}
