import { useParams } from "react-router";
import { AccessGuard } from "../../features/access/components/access-guard.tsx";
import { PAGE_ACCESS } from "../../features/access/utils/page-access.ts";
import { ReferenceDataPage } from "../../features/reference-data/components/reference-data-page.tsx";
import { toReferenceKind } from "../../features/reference-data/utils/reference-kinds.ts";
import { NotFoundRoute } from "./not-found-route.tsx";

/** `/reference-data/:kind`: analysts load and restore localities, the locality lookup and Family Hubs. */
export default function ReferenceDataRoute() {
  const kind = toReferenceKind(useParams().kind);
  if (!kind) return <NotFoundRoute />;
  return (
    <AccessGuard rule={PAGE_ACCESS.referenceData}>
      <ReferenceDataPage kind={kind} />
    </AccessGuard>
  );
}
