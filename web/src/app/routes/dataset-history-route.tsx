import { useParams } from "react-router";
import { AccessGuard } from "../../features/access/components/access-guard.tsx";
import { PAGE_ACCESS } from "../../features/access/utils/page-access.ts";
import { DatasetHistoryPage } from "../../features/uploads/components/dataset-history-page.tsx";

/** `/datasets/:code`: one dataset's versions, with their files and a way to restore each. */
export default function DatasetHistoryRoute() {
  const { code = "" } = useParams();
  return (
    <AccessGuard rule={PAGE_ACCESS.datasets}>
      <DatasetHistoryPage code={code} />
    </AccessGuard>
  );
}
