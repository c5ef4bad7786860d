import { downloadUploadFileRoute, downloadUploadReportRoute, type Upload } from "@plan-outcomes/server/contract";
import { useSuspenseQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { toPath } from "../../../lib/api-client.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { paths } from "../../../lib/paths.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { uploadQueries } from "../api/upload-queries.ts";
import { formatFileSize } from "../utils/format-file-size.ts";
import { toProblemSummary, toWarningTotal } from "../utils/to-report-summary.ts";
import { PublishForm, PublishOutcome, type PublishResult } from "./publish-form.tsx";
import { UploadPreview } from "./upload-preview.tsx";
import { UploadStatusTag } from "./upload-status-tag.tsx";
import "../uploads.css";

const FORMATS: Record<string, string> = {
  ees: "Explore Education Statistics (tidy layout)",
  lait: "LAIT (long layout)",
};

const count = new Intl.NumberFormat("en-GB");

/** `/uploads/:id`: one upload's report: refused with what to fix, or ready with its preview and a way to publish. */
export function UploadReportPage({ id }: { id: number }) {
  return (
    <>
      <p className="back-link-wrapper">
        <Link to={paths.uploads()} className="back-link">
          Data uploads
        </Link>
      </p>
      <QueryBoundary
        resetKeys={[id]}
        loading={<LoadingState label="Loading the upload's report" />}
        error={({ error, retry }) => (
          <ErrorState error={error} headingLevel={1} notFoundTitle="Upload not found" onRetry={retry}>
            <p>
              <Link to={paths.uploads()}>See the recent uploads</Link>
            </p>
          </ErrorState>
        )}
      >
        <UploadReport id={id} />
      </QueryBoundary>
    </>
  );
}

function UploadReport({ id }: { id: number }) {
  const { data: upload } = useSuspenseQuery(uploadQueries.detail(id));
  const [published, setPublished] = useState<PublishResult | null>(null);
  useDocumentTitle(`Upload report: ${upload.fileName}`);
  const { report } = upload;

  return (
    <>
      <span className="caption-l">Upload report</span>
      <h1 className="heading-l uploads-file-name">{upload.fileName}</h1>

      {published ? <PublishOutcome result={published} /> : <StatusBanner upload={upload} />}

      <dl className="summary-list">
        <SummaryRow label="Status">
          <UploadStatusTag status={upload.status} />
        </SummaryRow>
        <SummaryRow label="Dataset">
          <code className="code">{upload.datasetCode}</code>
        </SummaryRow>
        <SummaryRow label="Uploaded by">{upload.uploadedBy}</SummaryRow>
        <SummaryRow label="When">{formatDateTime(upload.uploadedAt)}</SummaryRow>
        <SummaryRow label="File">
          <a href={toPath(downloadUploadFileRoute.url, { id: upload.id })} download>
            Download the file as uploaded
          </a>{" "}
          ({formatFileSize(upload.byteSize)})
        </SummaryRow>
        {report.format ? <SummaryRow label="Layout">{FORMATS[report.format] ?? report.format}</SummaryRow> : null}
        {report.status === "ready" ? (
          <SummaryRow label="Read">
            {count.format(report.rowCount)} rows, giving {count.format(report.observationCount)} figures
          </SummaryRow>
        ) : null}
      </dl>

      {report.status === "refused" ? <ProblemsSection upload={upload} /> : null}
      {report.warnings.length ? <WarningsSection upload={upload} /> : null}
      {report.preview ? (
        <UploadPreview preview={report.preview} fileName={upload.fileName} published={upload.status === "published"} />
      ) : null}
      {upload.status === "ready" && !published ? (
        <section className="section" aria-labelledby="publish-title">
          <h2 className="heading-m" id="publish-title">
            Publish
          </h2>
          <PublishForm upload={upload} onPublished={setPublished} />
        </section>
      ) : null}
    </>
  );
}

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

function StatusBanner({ upload }: { upload: Upload }) {
  switch (upload.status) {
    case "refused":
      return (
        <div className="panel panel--warning">
          <h2 className="heading-m">This file was refused</h2>
          <p>Nothing was published. Fix the problems listed below in your file, then upload it again.</p>
          <p>
            <Link to={paths.uploads()}>Upload a corrected file</Link>
          </p>
        </div>
      );
    case "ready":
      return (
        <div className="panel">
          <h2 className="heading-m">This file is ready to publish</h2>
          <p>
            It passed every check. Read what publishing would change, then publish it at the bottom of this page.
            Nothing is published until you do.
          </p>
        </div>
      );
    case "published":
      return (
        <div className="notification notification--success">
          <h2 className="heading-m">This file has been published</h2>
          <p>
            See its version in the <Link to={paths.dataset(upload.datasetCode)}>history of {upload.datasetCode}</Link>.
          </p>
        </div>
      );
    case "discarded":
      return (
        <div className="panel">
          <h2 className="heading-m">This file was not published</h2>
          <p>It was checked but never published. Upload it again to publish it.</p>
        </div>
      );
  }
}

function ProblemsSection({ upload }: { upload: Upload }) {
  const { report } = upload;
  const summary = toProblemSummary(report);
  const reportUrl = toPath(downloadUploadReportRoute.url, { id: upload.id });
  return (
    <section className="section" aria-labelledby="problems-title">
      <h2 className="heading-m" id="problems-title">
        {summary.total === 1 ? "1 problem to fix" : `${count.format(summary.total)} problems to fix`}
      </h2>
      <p>Each problem says where it is in the file (rows count the header as row 1) and why it was refused.</p>

      <table className="table table--compact uploads-counts">
        <caption className="table__caption heading-s">Problems by kind</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col" className="uploads-number">
              Number
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.byKind.map((entry) => (
            <tr key={entry.kind}>
              <th scope="row">{entry.kind}</th>
              <td className="uploads-number">{count.format(entry.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <TableScroll label="Problems in the file">
        <ProblemsTable upload={upload} />
      </TableScroll>
      {summary.notListed ? (
        <p>
          <strong>and {count.format(summary.notListed)} more</strong>, in the full report.
        </p>
      ) : null}
      <p>
        <a href={reportUrl} download className="button button--secondary">
          Download the full report (CSV)
        </a>
      </p>
      <p>
        When the file is fixed, <Link to={paths.uploads()}>upload it again</Link>.
      </p>
    </section>
  );
}

function ProblemsTable({ upload }: { upload: Upload }) {
  const { problems } = upload.report;
  const summary = toProblemSummary(upload.report);
  return (
    <table className="table table--compact">
      <caption className="table__caption heading-s">
        {summary.notListed ? `The first ${problems.length} problems` : "Every problem"} in {upload.fileName}
      </caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col" className="uploads-number">
            Row
          </th>
          <th scope="col">Column</th>
          <th scope="col">Value</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, index) => (
          // Problems have no id, and the same cell may break two rules: the position is the key.
          <tr key={index}>
            <td className="table__wrap">{problem.file}</td>
            <td className="uploads-number">{problem.row ?? <span className="secondary-text">Whole file</span>}</td>
            <td>{problem.column ? <code className="code">{problem.column}</code> : null}</td>
            <td className="table__wrap">
              {problem.value === null ? null : problem.value === "" ? (
                <span className="secondary-text">(blank)</span>
              ) : (
                <code className="code">{problem.value}</code>
              )}
            </td>
            <td className="table__wrap">{problem.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WarningsSection({ upload }: { upload: Upload }) {
  const { warnings } = upload.report;
  const total = toWarningTotal(upload.report);
  return (
    <section className="section" aria-labelledby="warnings-title">
      <h2 className="heading-m" id="warnings-title">
        {warnings.length === 1 ? "1 warning" : `${warnings.length} warnings`}
        {upload.status === "ready" ? " to review" : ""}
      </h2>
      <p>
        Warnings do not stop a file, but read them before publishing: each says what was skipped or looks unusual, and
        how many rows or figures it concerns ({count.format(total)} in all).
      </p>
      <table className="table table--compact">
        <caption className="table__caption visually-hidden">Warnings to review</caption>
        <thead>
          <tr>
            <th scope="col">Warning</th>
            <th scope="col" className="uploads-number">
              Rows or figures
            </th>
          </tr>
        </thead>
        <tbody>
          {warnings.map((warning, index) => (
            <tr key={index}>
              <td className="table__wrap">{warning.message}</td>
              <td className="uploads-number">{count.format(warning.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={toPath(downloadUploadReportRoute.url, { id: upload.id })} download>
          Download the warnings (CSV)
        </a>
      </p>
    </section>
  );
}
