import type { AuditEvent } from "@plan-outcomes/server/contract";
import { useIsFetching, useSuspenseQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../../components/empty-state.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { TextField } from "../../../components/form-fields.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import type { FieldError } from "../../../lib/field-errors.ts";
import { errorFor } from "../../../lib/field-errors.ts";
import { formatUtcDateTime } from "../../../lib/format.ts";
import { paths } from "../../../lib/paths.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { auditQueries } from "../api/audit-queries.ts";
import { formatAuditActor, formatAuditDetails } from "../utils/format-audit-event.ts";
import { PAGE_ACCESS } from "../utils/page-access.ts";
import { AUDIT_ACTIONS, type AuditFilter, type AuditFilterField, toAuditFilter } from "../utils/to-audit-filter.ts";
import { AccessGuard } from "./access-guard.tsx";

/** The API's default page of events (GET /api/audit without `limit`). */
const PAGE_SIZE = 200;

const FIELD_IDS: Record<AuditFilterField, string> = { action: "audit-action", from: "audit-from", to: "audit-to" };

interface AuditPageProps {
  /** The filters as written in the URL (`?action=&from=&to=`), not yet checked. */
  action: string | null;
  from: string | null;
  to: string | null;
  onFilter: (filter: AuditFilter) => void;
}

/** `/admin/audit`: the audit trail, newest first, filtered by action and dates held in the URL. Administrators only. */
export function AuditPage(props: AuditPageProps) {
  return (
    <AccessGuard rule={PAGE_ACCESS.audit}>
      <AuditPageContent {...props} />
    </AccessGuard>
  );
}

type FormValues = Record<AuditFilterField, string>;

function AuditPageContent({ action, from, to, onFilter }: AuditPageProps) {
  const urlValues: FormValues = { action: action ?? "", from: from ?? "", to: to ?? "" };
  const urlKey = JSON.stringify(urlValues);
  const fromUrl = toAuditFilter(urlValues);

  // The form follows the URL (back and forward buttons) without being re-mounted, so focus stays put.
  const [shown, setShown] = useState({ urlKey, values: urlValues, failure: null as FormFailure | null });
  if (shown.urlKey !== urlKey) setShown({ urlKey, values: urlValues, failure: null });

  const failure: FormFailure | null = shown.failure ?? (fromUrl.ok ? null : { errors: fromUrl.errors, attempt: 0 });
  const errors = failure?.errors ?? [];
  useDocumentTitle(errors.length ? "Error: Audit trail" : "Audit trail");

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = toAuditFilter(shown.values);
    if (!result.ok) {
      setShown((previous) => ({
        ...previous,
        failure: { errors: result.errors, attempt: (previous.failure?.attempt ?? 0) + 1 },
      }));
      return;
    }
    setShown((previous) => ({ ...previous, failure: null }));
    onFilter(result.value);
  }

  const setValue = (field: AuditFilterField) => (value: string) =>
    setShown((previous) => ({ ...previous, values: { ...previous.values, [field]: value } }));

  return (
    <>
      <h1 className="heading-l">Audit trail</h1>
      <p className="lead">
        Sign-ins, sign-outs, API tokens and access grants: who did what, when and from where. Newest first.
      </p>
      <p>
        Times and dates here are in UTC (Coordinated Universal Time), not UK time. Each date filters a whole UTC day,
        00:00 to 23:59:59, and the From and To days are both included. In British Summer Time the UK is an hour ahead,
        so an event just after midnight UK time falls on the previous UTC day.
      </p>

      {failure && errors.length ? (
        <ErrorSummary
          key={failure.attempt}
          items={errors.map((error) => ({ targetId: FIELD_IDS[error.field], message: error.message }))}
        />
      ) : null}

      <form className="filters" onSubmit={handleSubmit} noValidate aria-labelledby="audit-filter-title">
        <fieldset className="fieldset">
          <legend className="fieldset__legend fieldset__legend--m" id="audit-filter-title">
            Filter events
          </legend>
          <div className="filters__fields">
            <TextField
              id={FIELD_IDS.action}
              name="action"
              label="Action starts with"
              hint={`For example ${AUDIT_ACTIONS.slice(0, 2).join(", ")}, token or access`}
              autoComplete="off"
              spellCheck={false}
              value={shown.values.action}
              onChange={(event) => setValue("action")(event.currentTarget.value)}
              error={errorFor(errors, "action")}
            />
            <TextField
              id={FIELD_IDS.from}
              name="from"
              type="date"
              label="From"
              hint="On or after this day, from 00:00 UTC"
              value={shown.values.from}
              onChange={(event) => setValue("from")(event.currentTarget.value)}
              error={errorFor(errors, "from")}
            />
            <TextField
              id={FIELD_IDS.to}
              name="to"
              type="date"
              label="To"
              hint="On or before this day, to 23:59:59 UTC"
              value={shown.values.to}
              onChange={(event) => setValue("to")(event.currentTarget.value)}
              error={errorFor(errors, "to")}
            />
          </div>
          <div className="button-group">
            <button type="submit" className="button">
              Apply filters
            </button>
            {action || from || to ? <Link to={paths.audit()}>Clear filters</Link> : null}
          </div>
        </fieldset>
      </form>

      {fromUrl.ok ? (
        <section className="section" aria-labelledby="audit-events-title">
          <h2 className="heading-m" id="audit-events-title">
            Events
          </h2>
          <p>
            <a href={paths.auditExport(fromUrl.value)} download>
              Download CSV
            </a>{" "}
            of the events matching these filters (up to 10,000), with formulas made safe for spreadsheets.
          </p>
          <QueryBoundary
            resetKeys={[urlKey]}
            loading={<LoadingState label="Loading the audit trail" />}
            error={({ error, retry }) => <ErrorState error={error} headingLevel={3} onRetry={retry} />}
          >
            <AuditEvents filter={fromUrl.value} />
          </QueryBoundary>
        </section>
      ) : null}
    </>
  );
}

interface FormFailure {
  errors: FieldError<AuditFilterField>[];
  attempt: number;
}

function AuditEvents({ filter }: { filter: AuditFilter }) {
  const { data: events } = useSuspenseQuery(auditQueries.list(filter));
  const updating = useIsFetching({ queryKey: auditQueries.all() }) > 0;
  const filtered = Boolean(filter.action || filter.from || filter.to);

  return (
    <>
      <p className="updating" role="status">
        {updating
          ? "Updating the events…"
          : events.length === PAGE_SIZE
            ? `Showing the latest ${PAGE_SIZE} events${filtered ? " matching these filters" : ""}. Narrow the dates to see earlier ones, or download the CSV.`
            : `Showing ${events.length} ${events.length === 1 ? "event" : "events"}${filtered ? " matching these filters" : ""}.`}
      </p>
      {events.length === 0 ? (
        <EmptyState>
          <p>No events match these filters.</p>
        </EmptyState>
      ) : (
        <AuditTable events={events} />
      )}
    </>
  );
}

function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  return (
    <TableScroll label="Audit events">
      <table className="table table--compact">
        <caption className="table__caption visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who, from where</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Outcome</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const details = formatAuditDetails(event.details as Record<string, unknown>);
            const actor = formatAuditActor(event);
            return (
              <tr key={event.id}>
                <th scope="row">{formatUtcDateTime(event.occurredAt)}</th>
                <td className="table__wrap">
                  {actor.who}
                  {actor.how || event.ipAddress ? (
                    <span className="table__reason">
                      {[actor.how, event.ipAddress ? `from ${event.ipAddress}` : null].filter(Boolean).join(", ")}
                    </span>
                  ) : null}
                </td>
                <td className="table__nowrap">{event.action}</td>
                <td className="table__wrap">{event.target}</td>
                <td>
                  {event.outcome === "success" ? (
                    <strong className="tag tag--green">Success</strong>
                  ) : (
                    <strong className="tag tag--red">{event.outcome === "failure" ? "Failure" : event.outcome}</strong>
                  )}
                </td>
                <td className="table__details">
                  {details.length ? (
                    <ul className="table__list">
                      {details.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
