import type { ApiToken } from "@plan-outcomes/server/contract";
import { useSuspenseQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { EmptyState } from "../../../components/empty-state.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { TextField } from "../../../components/form-fields.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { errorFor, type FieldError, toFieldErrorsFromProblem } from "../../../lib/field-errors.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { tokenQueries, useCreateToken, useRevokeToken } from "../api/token-queries.ts";
import { PAGE_ACCESS } from "../utils/page-access.ts";
import { toTokenStatus } from "../utils/to-token-status.ts";
import { type NewTokenField, validateNewToken } from "../utils/validate-new-token.ts";
import { AccessGuard } from "./access-guard.tsx";

const FIELD_IDS: Record<NewTokenField, string> = { name: "token-name", expiresInDays: "token-days" };
const DEFAULT_DAYS = 90;

/** `/account/tokens`: the signed-in person's API tokens for scripts: list, create (secret shown once), revoke. */
export function TokensPage() {
  return (
    <AccessGuard rule={PAGE_ACCESS.tokens}>
      <TokensPageContent />
    </AccessGuard>
  );
}

function focusById(id: string) {
  document.getElementById(id)?.focus();
}

function TokensPageContent() {
  useDocumentTitle("Your API tokens");
  const [created, setCreated] = useState<{ token: ApiToken; secret: string } | null>(null);
  const [revoked, setRevoked] = useState<ApiToken | null>(null);

  return (
    <>
      <h1 className="heading-l">Your API tokens</h1>
      <p className="lead">
        A token lets a script, such as a nightly data load, use the API as you without your password.
      </p>
      <p>
        Send it as <code className="code">Authorization: Bearer &lt;token&gt;</code>. A token can do only what your role
        allows, today: never more. Every use is recorded in the audit trail.
      </p>

      {created ? (
        <NewTokenSecret
          key={created.token.id}
          token={created.token}
          secret={created.secret}
          onDone={() => {
            setCreated(null);
            focusById("create-token-title");
          }}
        />
      ) : null}

      <section className="section" aria-labelledby="tokens-title">
        <h2 className="heading-m" id="tokens-title">
          Your tokens
        </h2>
        {revoked ? <RevokedMessage key={revoked.id} token={revoked} /> : null}
        <QueryBoundary
          resetKeys={[]}
          loading={<LoadingState label="Loading your tokens" />}
          error={({ error, retry }) => <ErrorState error={error} headingLevel={3} onRetry={retry} />}
        >
          <TokenTable
            onRevoked={(token) => {
              setCreated(null);
              setRevoked(token);
            }}
          />
        </QueryBoundary>
      </section>

      <section className="section" aria-labelledby="create-token-title">
        <h2 className="heading-m" id="create-token-title" tabIndex={-1}>
          Create a token
        </h2>
        <CreateTokenForm
          onCreated={(result) => {
            setRevoked(null);
            setCreated(result);
          }}
        />
      </section>
    </>
  );
}

function RevokedMessage({ token }: { token: ApiToken }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notification notification--success" role="status" tabIndex={-1} ref={ref}>
      <p>Token &ldquo;{token.name}&rdquo; revoked. Anything still using it is now refused.</p>
    </div>
  );
}

function NewTokenSecret({ token, secret, onDone }: { token: ApiToken; secret: string; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure page, or permission refused): select it for copying by hand.
      const input = document.getElementById("new-token-secret");
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
      setCopied("no");
    }
  }

  return (
    <section className="panel panel--secret" aria-labelledby="new-token-title">
      <h2 className="heading-m" id="new-token-title" tabIndex={-1} ref={headingRef}>
        Your new token &ldquo;{token.name}&rdquo;
      </h2>
      <div className="warning-text">
        <span className="warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="warning-text__text">
          <span className="visually-hidden">Warning: </span>
          Copy this token now. You will not be able to see it again.
        </strong>
      </div>
      <p>
        Keep it somewhere safe, such as a password manager. Anyone who has it can act as you until it expires on{" "}
        {formatDateTime(token.expiresAt)} or you revoke it.
      </p>
      <div className="form-group">
        <label className="label" htmlFor="new-token-secret">
          Token
        </label>
        <input
          id="new-token-secret"
          className="input input--code"
          type="text"
          readOnly
          value={secret}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="button-group">
        <button type="button" className="button" onClick={copy}>
          Copy token
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          I have stored it safely
        </button>
        <p className="status-text" role="status">
          {copied === "yes"
            ? "Token copied."
            : copied === "no"
              ? "Could not copy: the token is selected, so copy it with your keyboard."
              : ""}
        </p>
      </div>
    </section>
  );
}

function TokenTable({ onRevoked }: { onRevoked: (token: ApiToken) => void }) {
  const { data: tokens } = useSuspenseQuery(tokenQueries.list());
  const [confirming, setConfirming] = useState<ApiToken | null>(null);
  const now = new Date();

  if (tokens.length === 0) {
    return (
      <EmptyState>
        <p>You have no API tokens.</p>
      </EmptyState>
    );
  }

  return (
    <>
      {confirming ? (
        <RevokeConfirmation
          key={confirming.id}
          token={confirming}
          onCancel={() => {
            setConfirming(null);
            focusById(`revoke-token-${confirming.id}`);
          }}
          onRevoked={(token) => {
            setConfirming(null);
            onRevoked(token);
          }}
        />
      ) : null}
      <TableScroll label="Your API tokens">
        <table className="table">
          <caption className="table__caption visually-hidden">Your API tokens, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const status = toTokenStatus(token, now);
              return (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>{formatDateTime(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</td>
                  <td>
                    {status === "revoked" && token.revokedAt ? (
                      <>
                        <strong className="tag tag--grey">Revoked</strong>{" "}
                        <span className="table__reason">{formatDateTime(token.revokedAt)}</span>
                      </>
                    ) : status === "expired" ? (
                      <strong className="tag tag--grey">Expired</strong>
                    ) : (
                      <strong className="tag tag--green">Active</strong>
                    )}
                  </td>
                  <td>
                    {status === "active" ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        id={`revoke-token-${token.id}`}
                        onClick={() => setConfirming(token)}
                      >
                        Revoke<span className="visually-hidden"> token &ldquo;{token.name}&rdquo;</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

interface RevokeConfirmationProps {
  token: ApiToken;
  onCancel: () => void;
  onRevoked: (token: ApiToken) => void;
}

/** Asks before revoking: a revoked token cannot be brought back. */
function RevokeConfirmation({ token, onCancel, onRevoked }: RevokeConfirmationProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const revoke = useRevokeToken();
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="panel panel--warning" aria-labelledby="revoke-token-title">
      <h3 className="heading-s" id="revoke-token-title" tabIndex={-1} ref={headingRef}>
        Revoke the token &ldquo;{token.name}&rdquo;?
      </h3>
      <p>Anything that uses it will be refused at once. You cannot undo this: you would need a new token.</p>
      {revoke.error ? (
        <p className="field-error" role="alert">
          <span className="visually-hidden">Error:</span> The token was not revoked: {revoke.error.message}
        </p>
      ) : null}
      <div className="button-group">
        <button
          type="button"
          className="button button--warning"
          onClick={() => {
            if (!revoke.isPending) revoke.mutate(token.id, { onSuccess: onRevoked });
          }}
        >
          Yes, revoke it
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (result: { token: ApiToken; secret: string }) => void }) {
  const create = useCreateToken();
  const [{ errors, attempt }, setFailure] = useState<{ errors: FieldError<NewTokenField>[]; attempt: number }>({
    errors: [],
    attempt: 0,
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const result = validateNewToken({
      name: String(data.get("name") ?? ""),
      expiresInDays: String(data.get("expiresInDays") ?? ""),
    });
    if (!result.ok) {
      setFailure((previous) => ({ errors: result.errors, attempt: previous.attempt + 1 }));
      return;
    }
    try {
      const created = await create.mutateAsync(result.value);
      setFailure((previous) => ({ errors: [], attempt: previous.attempt }));
      form.reset();
      onCreated(created);
    } catch (error) {
      setFailure((previous) => ({
        errors: toFieldErrorsFromProblem(error, ["name", "expiresInDays"], "name"),
        attempt: previous.attempt + 1,
      }));
    }
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-labelledby="create-token-title">
      {errors.length ? (
        <ErrorSummary
          key={attempt}
          items={errors.map((error) => ({ targetId: FIELD_IDS[error.field], message: error.message }))}
        />
      ) : null}
      <TextField
        id={FIELD_IDS.name}
        name="name"
        label="Name"
        hint="What will use it, so you know which token to revoke later: for example “Nightly load from the data warehouse”."
        maxLength={100}
        autoComplete="off"
        error={errorFor(errors, "name")}
      />
      <TextField
        id={FIELD_IDS.expiresInDays}
        name="expiresInDays"
        label="Days until it expires"
        hint="From 1 to 366. A shorter life limits the harm if it leaks."
        inputMode="numeric"
        className="input--width-4"
        defaultValue={String(DEFAULT_DAYS)}
        autoComplete="off"
        error={errorFor(errors, "expiresInDays")}
      />
      <button type="submit" className="button">
        Create token
      </button>
    </form>
  );
}
