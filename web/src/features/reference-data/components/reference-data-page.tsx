import type { ReferenceData, ReferenceKind, ReferenceVersion } from "@plan-outcomes/server/contract";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { EmptyState } from "../../../components/empty-state.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { RestoreConfirmation } from "../../../components/restore-confirmation.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { paths } from "../../../lib/paths.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { referenceQueries, useRestoreReferenceVersion } from "../api/reference-queries.ts";
import { REFERENCE_KIND_ORDER, REFERENCE_KINDS } from "../utils/reference-kinds.ts";
import { ReferenceFileForm } from "./reference-file-form.tsx";
import "../reference-data.css";

/** Rows shown on the page; the CSV download has them all. */
const ROWS_SHOWN = 100;

/** `/reference-data/:kind`: one kind of reference data, its current rows, a way to load a new version, its history. */
export function ReferenceDataPage({ kind }: { kind: ReferenceKind }) {
  const text = REFERENCE_KINDS[kind];
  useDocumentTitle(`${text.title}: reference data`);
  return (
    <>
      <span className="caption-l">Reference data</span>
      <h1 className="heading-l">{text.title}</h1>
      <nav aria-label="Kinds of reference data">
        <ul className="reference-kinds">
          {REFERENCE_KIND_ORDER.map((other) => (
            <li key={other}>
              <Link
                to={paths.referenceData(REFERENCE_KINDS[other].slug)}
                aria-current={other === kind ? "page" : undefined}
              >
                {REFERENCE_KINDS[other].title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="lead">{text.purpose}</p>
      <QueryBoundary
        resetKeys={[kind]}
        loading={<LoadingState label={`Loading the ${text.title.toLowerCase()}`} />}
        error={({ error, retry }) => <ErrorState error={error} headingLevel={2} onRetry={retry} />}
      >
        <CurrentVersion kind={kind} />
      </QueryBoundary>
      <ReferenceFileForm key={kind} kind={kind} />
      <QueryBoundary
        resetKeys={[kind]}
        loading={<LoadingState label="Loading the versions" />}
        error={({ error, retry }) => <ErrorState error={error} headingLevel={2} onRetry={retry} />}
      >
        <VersionHistory kind={kind} />
      </QueryBoundary>
    </>
  );
}

function CurrentVersion({ kind }: { kind: ReferenceKind }) {
  const { data } = useSuspenseQuery(referenceQueries.current(kind));
  const downloadUrl = `/api/reference/${kind}/csv`;
  return (
    <section aria-labelledby="reference-current-title">
      <h2 className="heading-m" id="reference-current-title">
        Current version
      </h2>
      {data.current ? (
        <p>
          Version {data.current.version}, {data.rows.length.toLocaleString("en-GB")} rows, loaded by{" "}
          {data.current.createdBy} on {formatDateTime(data.current.createdAt)}.{" "}
          {data.current.isIllustrative ? (
            <strong className="tag tag--grey">Illustrative: replace with the real list</strong>
          ) : null}
          {data.current.note ? <span className="table__reason">{data.current.note}</span> : null}
        </p>
      ) : (
        <EmptyState>
          <p>Nothing has been loaded yet. Load the first version below.</p>
        </EmptyState>
      )}
      <p>
        <a href={downloadUrl} download>
          Download the current {data.title} as CSV
        </a>{" "}
        <span className="secondary-text">(the layout to edit and load back)</span>
      </p>
      <ColumnGuide data={data} />
      {data.rows.length > 0 ? <CurrentRows data={data} /> : null}
    </section>
  );
}

function ColumnGuide({ data }: { data: ReferenceData }) {
  return (
    <details className="details">
      <summary className="details__summary">The file's columns</summary>
      <dl className="reference-columns">
        {data.columns.map((column) => (
          <div key={column.name}>
            <dt>
              <code className="code">{column.name}</code> {column.required ? "(required)" : "(optional)"}
            </dt>
            <dd>{column.description || "Free text."}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function CurrentRows({ data }: { data: ReferenceData }) {
  const shown = data.rows.slice(0, ROWS_SHOWN);
  return (
    <TableScroll label={`Current ${data.title.toLowerCase()}`}>
      <table className="table">
        <caption className="table__caption">
          {shown.length < data.rows.length
            ? `The first ${shown.length} of ${data.rows.length.toLocaleString("en-GB")} rows: the CSV has them all`
            : `All ${data.rows.length} rows`}
        </caption>
        <thead>
          <tr>
            {data.columns.map((column) => (
              <th scope="col" key={column.name}>
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.join("|")}>
              {row.map((cell, index) => (
                <td key={data.columns[index]?.name ?? index} className="table__wrap">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function VersionHistory({ kind }: { kind: ReferenceKind }) {
  const { data: versions } = useSuspenseQuery(referenceQueries.versions(kind));
  const [confirming, setConfirming] = useState<ReferenceVersion | null>(null);
  const [restored, setRestored] = useState<{ from: number; version: number } | null>(null);
  const current = versions[0];
  return (
    <section aria-labelledby="reference-history-title" className="reference-section">
      <h2 className="heading-m" id="reference-history-title">
        Every version
      </h2>
      {restored ? (
        <p className="panel" role="status">
          Version {restored.from} was restored as version {restored.version}.
        </p>
      ) : null}
      {confirming ? (
        <ReferenceRestore
          kind={kind}
          version={confirming}
          onCancel={() => setConfirming(null)}
          onRestored={(version) => {
            setConfirming(null);
            setRestored({ from: confirming.version, version });
          }}
        />
      ) : null}
      {versions.length === 0 ? (
        <p>No version has been loaded.</p>
      ) : (
        <TableScroll label="Versions">
          <table className="table">
            <caption className="table__caption visually-hidden">Versions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">File</th>
                <th scope="col">Rows</th>
                <th scope="col">Note</th>
                <th scope="col">Loaded by</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.version}>
                  <th scope="row">
                    Version {version.version}
                    {version === current ? <strong className="tag tag--green"> Current</strong> : null}
                    {version.restoresVersion !== null ? (
                      <span className="table__reason">Restores version {version.restoresVersion}</span>
                    ) : null}
                  </th>
                  <td className="table__wrap">
                    <a href={`/api/reference/${kind}/versions/${version.version}/file`} download>
                      {version.fileName}
                      <span className="visually-hidden">: download the file of version {version.version}</span>
                    </a>
                  </td>
                  <td>{version.rowCount.toLocaleString("en-GB")}</td>
                  <td className="table__wrap">
                    {version.isIllustrative ? <strong className="tag tag--grey">Illustrative</strong> : null}{" "}
                    {version.note || <span className="secondary-text">No note</span>}
                  </td>
                  <td>
                    {version.createdBy}
                    <span className="table__reason">{formatDateTime(version.createdAt)}</span>
                  </td>
                  <td>
                    {version !== current ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => {
                          setRestored(null);
                          setConfirming(version);
                        }}
                      >
                        Restore<span className="visually-hidden"> version {version.version}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

interface ReferenceRestoreProps {
  kind: ReferenceKind;
  version: ReferenceVersion;
  onCancel: () => void;
  onRestored: (version: number) => void;
}

function ReferenceRestore({ kind, version, onCancel, onRestored }: ReferenceRestoreProps) {
  const restore = useRestoreReferenceVersion(kind);
  return (
    <RestoreConfirmation
      version={version.version}
      headingLevel={3}
      pending={restore.isPending}
      error={restore.error?.message ?? null}
      onCancel={onCancel}
      onConfirm={(note) =>
        restore.mutate({ version: version.version, note }, { onSuccess: (outcome) => onRestored(outcome.version) })
      }
    >
      <p>
        Its {version.rowCount.toLocaleString("en-GB")} rows become current again, recorded as a new version. Nothing is
        deleted: you can restore today&rsquo;s version afterwards.
      </p>
    </RestoreConfirmation>
  );
}
