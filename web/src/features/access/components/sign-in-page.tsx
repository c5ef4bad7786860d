import type { SingleSignOnError } from "@plan-outcomes/server/contract";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { TextField } from "../../../components/form-fields.tsx";
import { errorFor, type FieldError, toFieldErrorsFromProblem } from "../../../lib/field-errors.ts";
import { paths } from "../../../lib/paths.ts";
import { sessionQueries, useSignIn } from "../../../lib/session-queries.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { formatRoleWithArticle } from "../utils/format-role.ts";
import { type SignInField, validateSignIn } from "../utils/validate-sign-in.ts";

const FIELD_IDS: Record<SignInField, string> = { email: "sign-in-email", password: "sign-in-password" };

interface SignInPageProps {
  /** Why single sign-on failed, as the server put it in `?error=`. */
  singleSignOnError: string | null;
  /** Where to return after signing in, already checked to be a path on this site. */
  next: string;
  onSignedIn: () => void;
}

const SINGLE_SIGN_ON_MESSAGES: Record<SingleSignOnError, string> = {
  "no-account":
    "You signed in with your organisation, but you have no access to Plan Outcomes yet: ask an administrator to grant it.",
  expired: "Your sign-in took too long or was started in another window: please try again.",
  failed: "Signing in with your organisation failed: please try again, or use your email and password.",
};

/** The server sends a code, never text, so a crafted link cannot put its own words on this page. */
function describeSingleSignOnError(code: string): string {
  return SINGLE_SIGN_ON_MESSAGES[code as SingleSignOnError] ?? SINGLE_SIGN_ON_MESSAGES.failed;
}

/** Sign in with email and password, or with the organisation's account where single sign-on is set up. */
export function SignInPage({ singleSignOnError, next, onSignedIn }: SignInPageProps) {
  const { data: session } = useQuery(sessionQueries.current());
  const signIn = useSignIn();
  // `attempt` re-mounts the error summary, so it takes focus and is announced after every failed try.
  const [{ errors, attempt }, setFailure] = useState<{ errors: FieldError<SignInField>[]; attempt: number }>({
    errors: [],
    attempt: 0,
  });
  useDocumentTitle(errors.length ? "Error: Sign in" : "Sign in");

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const result = validateSignIn({
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
    });
    if (!result.ok) {
      setFailure((previous) => ({ errors: result.errors, attempt: previous.attempt + 1 }));
      return;
    }
    try {
      await signIn.mutateAsync(result.value);
      onSignedIn();
    } catch (error) {
      const password = form.elements.namedItem("password");
      if (password instanceof HTMLInputElement) password.value = "";
      setFailure((previous) => ({
        errors: toFieldErrorsFromProblem(error, ["email", "password"], "email"),
        attempt: previous.attempt + 1,
      }));
    }
  }

  return (
    <div className="narrow-column">
      <h1 className="heading-l">Sign in</h1>

      {singleSignOnError && attempt === 0 ? (
        <ErrorSummary title="Signing in with your organisation account did not work">
          <p>{describeSingleSignOnError(singleSignOnError)}</p>
        </ErrorSummary>
      ) : null}

      {errors.length ? (
        <ErrorSummary
          key={attempt}
          items={errors.map((error) => ({ targetId: FIELD_IDS[error.field], message: error.message }))}
        />
      ) : null}

      {session?.user ? (
        <p className="inset">
          You are signed in as {session.user.displayName || session.user.email} (
          {formatRoleWithArticle(session.user.role)}). Signing in again replaces that session.
        </p>
      ) : null}

      <form className="form" onSubmit={handleSubmit} noValidate aria-labelledby="sign-in-form-title">
        <h2 className="heading-m" id="sign-in-form-title">
          With your email and password
        </h2>
        <TextField
          id={FIELD_IDS.email}
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
          error={errorFor(errors, "email")}
        />
        <TextField
          id={FIELD_IDS.password}
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          error={errorFor(errors, "password")}
        />
        <button type="submit" className="button">
          Sign in
        </button>
      </form>

      <section className="section" aria-labelledby="single-sign-on-title">
        <h2 className="heading-m" id="single-sign-on-title">
          With your organisation account
        </h2>
        <p>
          {/* A full page load: the server sends the browser on to the identity provider. */}
          <a href={paths.singleSignOn(next)}>Sign in with your organisation account</a>
        </p>
        <p className="hint">
          This works only where your organisation&rsquo;s single sign-on (such as Microsoft Entra ID) has been set up
          for Plan Outcomes. Either way, an administrator must have given you access first.
        </p>
      </section>

      <section className="section" aria-labelledby="no-account-title">
        <h2 className="heading-s" id="no-account-title">
          No account?
        </h2>
        <p>
          You do not need one to read published figures. To see provisional figures for your area, ask an administrator
          for access.
        </p>
      </section>
    </div>
  );
}
