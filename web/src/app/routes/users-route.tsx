import { UsersPage } from "../../features/access/components/users-page.tsx";

/** `/admin/users`: administrators only, so loaded only when opened. */
export default function UsersRoute() {
  return <UsersPage />;
}
