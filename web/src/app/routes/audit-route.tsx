import { useNavigate, useSearchParams } from "react-router";
import { AuditPage } from "../../features/access/components/audit-page.tsx";
import { paths } from "../../lib/paths.ts";

/** `/admin/audit?action=token&from=2026-01-01&to=2026-01-31`: the filters live in the URL. Administrators only. */
export default function AuditRoute() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  return (
    <AuditPage
      action={searchParams.get("action")}
      from={searchParams.get("from")}
      to={searchParams.get("to")}
      onFilter={(filter) => navigate(paths.audit(filter))}
    />
  );
}
