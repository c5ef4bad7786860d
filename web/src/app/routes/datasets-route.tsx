import { AccessGuard } from "../../features/access/components/access-guard.tsx";
import { PAGE_ACCESS } from "../../features/access/utils/page-access.ts";
import { DatasetsPage } from "../../features/uploads/components/dataset-history-page.tsx";

/** `/datasets`: every dataset and its current version. For analysts, who can restore versions. */
export default function DatasetsRoute() {
  return (
    <AccessGuard rule={PAGE_ACCESS.datasets}>
      <DatasetsPage />
    </AccessGuard>
  );
}
