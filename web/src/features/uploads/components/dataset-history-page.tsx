import type { Dataset } from "@plan-outcomes/server/contract";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
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
import { datasetQueries, useRestoreDatasetVersion } from "../api/upload-queries.ts";
import { currentVersion, formatVersionStatus, toVersionFile } from "../utils/to-dataset-history.ts";
import "../uploads.css";

type DatasetVersion = Dataset["versions"][number];

const count = new Intl.NumberFormat("en-GB");

function focusById(id: string) {
  document.getElementById(id)?.focus();
}

/** `/datasets`: every dataset, its current version and when it last changed. */
export function DatasetsPage() {
  useDocumentTitle("Dataset history");
  return (
    <>
      <p className="back-link-wrapper">
        <Link to={paths.uploads()} className="back-link">
          Data uploads
        </Link>
      </p>
      <h1 className="heading-l">Dataset history</h1>
      <p className="lead">
        Every dataset, with every version published. Open one to download its files or restore an earlier version.
      </p>
      <QueryBoundary
        resetKeys={[]}
        loading={<LoadingState label="Loading the datasets" />}
        error={({ error, retry }) => <ErrorState error={error} headingLevel={2} onRetry={retry} />}
      >
        <DatasetsTable />
      </QueryBoundary>
    </>
  );
}

function DatasetsTable() {
  const { data: datasets } = useSuspenseQuery(datasetQueries.list());
  if (datasets.length === 0) {
    return (
      <EmptyState>
        <p>No dataset has been published yet.</p>
      </EmptyState>
    );
  }
  return (
    <TableScroll label="Datasets">
      <table className="table">
        <caption className="table__caption visually-hidden">Datasets and their current versions</caption>
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col" className="uploads-number">
              Current version
            </th>
            <th scope="col" className="uploads-number">
              Figures
            </th>
            <th scope="col">Last published</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((dataset) => {
            const current = currentVersion(dataset);
            const latest = dataset.versions[0];
            return (
              <tr key={dataset.code}>
                <th scope="row" className="uploads-wrap-anywhere">
                  <Link to={paths.dataset(dataset.code)}>{dataset.title}</Link>
                  <span className="table__reason">
                    Code <code className="code">{dataset.code}</code>
                  </span>
                </th>
                <td className="uploads-number">
                  {current ? current.version : "None"}
                  <span className="secondary-text"> of {dataset.versions.length}</span>
                </td>
                <td className="uploads-number">{current ? count.format(current.observationCount) : ""}</td>
                <td className="table__nowrap">
                  {latest?.publishedAt ? formatDateTime(latest.publishedAt) : "Not published"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** `/datasets/:code`: one dataset's versions, newest first, each with its file and a way to restore it. */
export function DatasetHistoryPage({ code }: { code: string }) {
  return (
    <>
      <p className="back-link-wrapper">
        <Link to={paths.datasets()} className="back-link">
          All datasets
        </Link>
      </p>
      <QueryBoundary
        resetKeys={[code]}
        loading={<LoadingState label="Loading the dataset's history" />}
        error={({ error, retry }) => <ErrorState error={error} headingLevel={1} onRetry={retry} />}
      >
        <DatasetHistory code={code} />
      </QueryBoundary>
    </>
  );
}

interface Restored {
  from: number;
  version: number;
  inserted: number;
  withdrawn: number;
}

function DatasetHistory({ code }: { code: string }) {
  const { data: datasets } = useSuspenseQuery(datasetQueries.list());
  const dataset = datasets.find((candidate) => candidate.code === code);
  useDocumentTitle(dataset ? `History of ${dataset.title}` : "Dataset not found");
  const [confirming, setConfirming] = useState<DatasetVersion | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);

  if (!dataset) {
    return (
      <div className="error-state error-state--not-found">
        <h1 className="heading-l">Dataset not found</h1>
        <p>
          There is no dataset <code className="code">{code}</code>. <Link to={paths.datasets()}>See every dataset</Link>
          .
        </p>
      </div>
    );
  }
  const current = currentVersion(dataset);

  return (
    <>
      <span className="caption-l">Dataset history</span>
      <h1 className="heading-l uploads-file-name">{dataset.title}</h1>
      <p>
        Code <code className="code">{dataset.code}</code>.{" "}
        {dataset.versions.length === 1 ? "1 version" : `${dataset.versions.length} versions`}
        {current ? `; version ${current.version} is current.` : "; none is current."}
      </p>

      {restored ? <RestoredMessage key={restored.version} restored={restored} /> : null}
      {confirming ? (
        <DatasetRestore
          key={confirming.version}
          code={dataset.code}
          version={confirming}
          onCancel={() => {
            setConfirming(null);
            focusById(`restore-version-${confirming.version}`);
          }}
          onRestored={(result) => {
            setConfirming(null);
            setRestored(result);
          }}
        />
      ) : null}

      <TableScroll label={`Versions of ${dataset.title}`}>
        <table className="table">
          <caption className="table__caption visually-hidden">Versions of {dataset.title}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col" className="uploads-number">
                Figures
              </th>
              <th scope="col">File</th>
              <th scope="col">Note</th>
              <th scope="col">Published by</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dataset.versions.map((version) => (
              <tr key={version.version}>
                <th scope="row">
                  <span className="uploads-nowrap">Version {version.version}</span>
                  {version.restoresVersion !== null ? (
                    <span className="uploads-restores">
                      <span aria-hidden="true">↺ </span>Restores version {version.restoresVersion}
                    </span>
                  ) : null}
                </th>
                <td>
                  <strong className={`tag ${version === current ? "tag--green" : "tag--grey"}`}>
                    {formatVersionStatus(version.status, version === current)}
                  </strong>
                </td>
                <td className="uploads-number">{count.format(version.observationCount)}</td>
                <td className="table__wrap">
                  <VersionFile dataset={dataset} version={version} />
                </td>
                <td className="table__wrap">{version.note || <span className="secondary-text">No note</span>}</td>
                <td>
                  {version.createdBy}
                  {version.publishedAt ? (
                    <span className="table__reason">{formatDateTime(version.publishedAt)}</span>
                  ) : null}
                </td>
                <td>
                  {version !== current && version.status !== "draft" ? (
                    <button
                      type="button"
                      className="button button--secondary button--small uploads-nowrap"
                      id={`restore-version-${version.version}`}
                      onClick={() => {
                        setRestored(null);
                        setConfirming(version);
                      }}
                    >
                      Restore this version<span className="visually-hidden"> ({version.version})</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function VersionFile({ dataset, version }: { dataset: Dataset; version: DatasetVersion }) {
  const file = toVersionFile(dataset, version);
  if (!file) {
    return (
      <>
        {version.fileName}
        <span className="table__reason">Not uploaded here: no copy of the file is kept</span>
      </>
    );
  }
  return (
    <>
      <a href={file.url} download>
        {version.fileName}
        <span className="visually-hidden">: download the file of version {version.version}</span>
      </a>
      {file.fromVersion !== null ? <span className="table__reason">The file of version {file.fromVersion}</span> : null}
    </>
  );
}

interface DatasetRestoreProps {
  code: string;
  version: DatasetVersion;
  onCancel: () => void;
  onRestored: (restored: Restored) => void;
}

function DatasetRestore({ code, version, onCancel, onRestored }: DatasetRestoreProps) {
  const restore = useRestoreDatasetVersion();
  return (
    <RestoreConfirmation
      version={version.version}
      headingLevel={2}
      pending={restore.isPending}
      error={restore.error?.message ?? null}
      onCancel={onCancel}
      onConfirm={(note) =>
        restore.mutate(
          { code, version: version.version, note },
          {
            onSuccess: (outcome) =>
              onRestored({
                from: version.version,
                version: outcome.version,
                inserted: outcome.inserted,
                withdrawn: outcome.withdrawn,
              }),
          },
        )
      }
    >
      <p>
        Its {count.format(version.observationCount)} figures become the published figures again, recorded as a new
        version. Figures published since that it does not have are withdrawn. Nothing is deleted: you can restore the
        current version afterwards.
      </p>
    </RestoreConfirmation>
  );
}

function RestoredMessage({ restored }: { restored: Restored }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notification notification--success" role="status" tabIndex={-1} ref={ref}>
      <h2 className="heading-m">Version {restored.from} restored</h2>
      <p>
        Its figures are published again as version {restored.version}: {count.format(restored.inserted)} figures,{" "}
        {count.format(restored.withdrawn)} withdrawn.
      </p>
    </div>
  );
}
