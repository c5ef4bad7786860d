import type { Area, User } from "@plan-outcomes/server/contract";
import { useSuspenseQueries } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorState } from "../../../components/error-state.tsx";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { FieldHintAndError, SelectField, TextField } from "../../../components/form-fields.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { areaQueries } from "../../../lib/area-queries.ts";
import { errorFor, type FieldError, toFieldErrorsFromProblem } from "../../../lib/field-errors.ts";
import { formatAreaLabel, formatList } from "../../../lib/format.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { useGrantAccess, userQueries } from "../api/user-queries.ts";
import { formatRole, formatRoleDescription, formatRoleWithArticle, ROLE_ORDER } from "../utils/format-role.ts";
import { PAGE_ACCESS } from "../utils/page-access.ts";
import { type GrantField, MIN_PASSWORD_LENGTH, validateGrantAccess } from "../utils/validate-grant-access.ts";
import { AccessGuard } from "./access-guard.tsx";

/** `/admin/users`: every account with its role and areas, and granting access to someone. Administrators only. */
export function UsersPage() {
  return (
    <AccessGuard rule={PAGE_ACCESS.users}>
      <UsersPageContent />
    </AccessGuard>
  );
}

function UsersPageContent() {
  useDocumentTitle("Users and access");
  return (
    <>
      <h1 className="heading-l">Users and access</h1>
      <p className="lead">
        Who may sign in, with which role, and which areas&rsquo; provisional figures they may read.
      </p>
      <QueryBoundary
        resetKeys={[]}
        loading={<LoadingState label="Loading the accounts" />}
        error={({ error, retry }) => <ErrorState error={error} onRetry={retry} />}
      >
        <UsersAndGrantForm />
      </QueryBoundary>
    </>
  );
}

function UsersAndGrantForm() {
  const [{ data: users }, { data: localities }, { data: lagAreas }] = useSuspenseQueries({
    queries: [userQueries.list(), areaQueries.ofType("locality"), areaQueries.ofType("lag_area")],
  });
  const areaNames = new Map([...localities, ...lagAreas].map((area) => [area.code, area.name]));

  return (
    <>
      <section className="section" aria-labelledby="accounts-title">
        <h2 className="heading-m" id="accounts-title">
          Accounts
        </h2>
        <UserTable users={users} areaNames={areaNames} />
      </section>
      <section className="section" aria-labelledby="grant-title">
        <h2 className="heading-m" id="grant-title">
          Grant access
        </h2>
        <p>
          Gives someone an account, or changes the role and areas of an existing one (matched by email address). They
          can then sign in with the password you set, or with their organisation account where single sign-on is set up.
        </p>
        <GrantAccessForm users={users} localities={localities} lagAreas={lagAreas} />
      </section>
    </>
  );
}

function UserTable({ users, areaNames }: { users: readonly User[]; areaNames: ReadonlyMap<string, string> }) {
  return (
    <TableScroll label="Accounts">
      <table className="table">
        <caption className="table__caption">
          {users.length} {users.length === 1 ? "account" : "accounts"}, by email address
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email address</th>
            <th scope="col">Role</th>
            <th scope="col">Areas</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.displayName || <span className="secondary-text">No name</span>}</th>
              <td className="table__wrap">{user.email}</td>
              <td>{formatRole(user.role)}</td>
              <td>
                {user.areaCodes.length ? (
                  formatList(user.areaCodes.map((code) => areaNames.get(code) ?? code))
                ) : (
                  <span className="secondary-text">None</span>
                )}
              </td>
              <td>
                {user.isDisabled ? (
                  <strong className="tag tag--grey">Disabled</strong>
                ) : (
                  <strong className="tag tag--green">Active</strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const FIELD_IDS: Record<GrantField, string> = {
  email: "grant-email",
  displayName: "grant-name",
  role: "grant-role",
  areaCodes: "grant-areas-first",
  password: "grant-password",
};

interface GrantAccessFormProps {
  users: readonly User[];
  localities: readonly Area[];
  lagAreas: readonly Area[];
}

function GrantAccessForm({ users, localities, lagAreas }: GrantAccessFormProps) {
  const grant = useGrantAccess();
  const [{ errors, attempt }, setFailure] = useState<{ errors: FieldError<GrantField>[]; attempt: number }>({
    errors: [],
    attempt: 0,
  });
  const [granted, setGranted] = useState<{ user: User; isNew: boolean } | null>(null);
  const areasError = errorFor(errors, "areaCodes");

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (grant.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const result = validateGrantAccess({
      email: String(data.get("email") ?? ""),
      displayName: String(data.get("displayName") ?? ""),
      role: String(data.get("role") ?? ""),
      areaCodes: data.getAll("areaCodes").map(String),
      password: String(data.get("password") ?? ""),
    });
    if (!result.ok) {
      setGranted(null);
      setFailure((previous) => ({ errors: result.errors, attempt: previous.attempt + 1 }));
      return;
    }
    const email = result.value.email.toLowerCase();
    const isNew = !users.some((user) => user.email.toLowerCase() === email);
    try {
      const user = await grant.mutateAsync(result.value);
      setFailure((previous) => ({ errors: [], attempt: previous.attempt }));
      form.reset();
      setGranted({ user, isNew });
    } catch (error) {
      setGranted(null);
      setFailure((previous) => ({
        errors: toFieldErrorsFromProblem(error, ["email", "displayName", "role", "areaCodes", "password"], "email"),
        attempt: previous.attempt + 1,
      }));
    }
  }

  return (
    <>
      {granted ? <GrantedMessage key={granted.user.id} user={granted.user} isNew={granted.isNew} /> : null}
      <form className="form" onSubmit={handleSubmit} noValidate aria-labelledby="grant-title">
        {errors.length ? (
          <ErrorSummary
            key={attempt}
            items={errors.map((error) => ({ targetId: FIELD_IDS[error.field], message: error.message }))}
          />
        ) : null}
        <TextField
          id={FIELD_IDS.email}
          name="email"
          type="email"
          label="Email address"
          hint="Their work address: single sign-on matches people by it."
          autoComplete="off"
          spellCheck={false}
          maxLength={254}
          error={errorFor(errors, "email")}
        />
        <TextField
          id={FIELD_IDS.displayName}
          name="displayName"
          label="Full name"
          hint="Shown in the header when they are signed in, and in this list."
          autoComplete="off"
          maxLength={200}
          error={errorFor(errors, "displayName")}
        />
        <SelectField
          id={FIELD_IDS.role}
          name="role"
          label="Role"
          hint={<RoleHint />}
          defaultValue=""
          error={errorFor(errors, "role")}
        >
          <option value="" disabled>
            Choose a role
          </option>
          {ROLE_ORDER.map((role) => (
            <option key={role} value={role}>
              {capitalise(formatRole(role))}
            </option>
          ))}
        </SelectField>

        <div className={`form-group${areasError ? " form-group--error" : ""}`}>
          <fieldset className="fieldset" aria-describedby={`grant-areas-hint${areasError ? " grant-areas-error" : ""}`}>
            <legend className="fieldset__legend">Areas</legend>
            <FieldHintAndError
              id="grant-areas"
              hint="Needed for a locality lead: the localities or Local Alliance Group (LAG) areas whose provisional figures they may read. Other roles need none."
              error={areasError}
            />
            <div className="area-columns">
              <AreaCheckboxes legend="Localities" areas={localities} firstId={FIELD_IDS.areaCodes} />
              <AreaCheckboxes legend="LAG areas" areas={lagAreas} />
            </div>
          </fieldset>
        </div>

        <TextField
          id={FIELD_IDS.password}
          name="password"
          type="password"
          label="Initial password (optional)"
          hint={`${MIN_PASSWORD_LENGTH} characters or more. Leave blank for someone who will sign in with their organisation account, or to keep an existing account's password. Tell them it by a different route from their email address.`}
          autoComplete="new-password"
          maxLength={200}
          error={errorFor(errors, "password")}
        />
        <button type="submit" className="button">
          Grant access
        </button>
      </form>
    </>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function RoleHint() {
  return (
    <ul className="hint-list">
      {ROLE_ORDER.map((role) => (
        <li key={role}>
          <strong>{capitalise(formatRole(role))}</strong>: {formatRoleDescription(role)}
        </li>
      ))}
    </ul>
  );
}

function AreaCheckboxes({ legend, areas, firstId }: { legend: string; areas: readonly Area[]; firstId?: string }) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{legend}</legend>
      {areas.map((area, index) => {
        const id = index === 0 && firstId ? firstId : `grant-area-${area.code}`;
        return (
          <div key={area.code} className="checkbox">
            <input className="checkbox__input" type="checkbox" name="areaCodes" id={id} value={area.code} />
            <label className="checkbox__label" htmlFor={id}>
              {formatAreaLabel(area)}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

function GrantedMessage({ user, isNew }: { user: User; isNew: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const role = formatRoleWithArticle(user.role);
  return (
    <div className="notification notification--success" role="status" tabIndex={-1} ref={ref}>
      <h3 className="heading-s">{isNew ? "Access granted" : "Access changed"}</h3>
      <p>
        {user.displayName || user.email} ({user.email}) is now {role}
        {user.areaCodes.length
          ? ` for ${user.areaCodes.length === 1 ? "1 area" : `${user.areaCodes.length} areas`}`
          : ""}
        .
      </p>
    </div>
  );
}
