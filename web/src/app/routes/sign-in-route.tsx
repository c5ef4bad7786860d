import { useNavigate, useSearchParams } from "react-router";
import { SignInPage } from "../../features/access/components/sign-in-page.tsx";
import { toSafeNextPath } from "../../lib/paths.ts";

/** `/sign-in?next=/admin/users&error=…`: `next` is where to go afterwards, `error` why single sign-on failed. */
export function SignInRoute() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const next = toSafeNextPath(searchParams.get("next"));
  return (
    <SignInPage
      singleSignOnError={searchParams.get("error")}
      next={next}
      onSignedIn={() => navigate(next, { replace: true })}
    />
  );
}
