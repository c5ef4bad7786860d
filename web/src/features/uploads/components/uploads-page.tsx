import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { EmptyState } from "../../../components/empty-state.tsx";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { QueryBoundary } from "../../../components/query-boundary.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { paths } from "../../../lib/paths.ts";
import { useDocumentTitle } from "../../../lib/use-document-title.ts";
import { uploadQueries } from "../api/upload-queries.ts";
import { formatFileSize } from "../utils/format-file-size.ts";
import { UploadForm } from "./upload-form.tsx";
import { UploadStatusTag } from "./upload-status-tag.tsx";
import "../uploads.css";

interface UploadsPageProps {
  onChecked: (uploadId: number) => void;
}

/** `/uploads`: send a file to be checked, and the recent attempts with their reports. */
export function UploadsPage({ onChecked }: UploadsPageProps) {
  useDocumentTitle("Data uploads");
  return (
    <>
      <h1 className="heading-l">Data uploads</h1>
      <p className="lead">Check a data file, read its report, then publish it as a new version of its dataset.</p>
      <p>
        Nothing is published until you have read the report and chosen to publish. Every version stays in the{" "}
        <Link to={paths.datasets()}>dataset history</Link>, where an earlier one can be restored.
      </p>

      <section className="section" aria-labelledby="upload-title">
        <h2 className="heading-m" id="upload-title">
          Check a file
        </h2>
        <UploadForm onChecked={onChecked} />
      </section>

      <section className="section" aria-labelledby="recent-uploads-title">
        <h2 className="heading-m" id="recent-uploads-title">
          Recent uploads
        </h2>
        <QueryBoundary
          resetKeys={[]}
          loading={<LoadingState label="Loading recent uploads" />}
          error={({ error, retry }) => <ErrorState error={error} headingLevel={3} onRetry={retry} />}
        >
          <UploadsTable />
        </QueryBoundary>
      </section>
    </>
  );
}

function UploadsTable() {
  const { data: uploads } = useSuspenseQuery(uploadQueries.list());
  if (uploads.length === 0) {
    return (
      <EmptyState>
        <p>No file has been uploaded yet.</p>
      </EmptyState>
    );
  }
  return (
    <TableScroll label="Recent uploads">
      <table className="table">
        <caption className="table__caption visually-hidden">Recent uploads, newest first</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">Dataset</th>
            <th scope="col">Uploaded by</th>
            <th scope="col">When</th>
            <th scope="col" className="uploads-number">
              Size
            </th>
          </tr>
        </thead>
        <tbody>
          {uploads.map((upload) => (
            <tr key={upload.id}>
              <th scope="row" className="table__wrap">
                <Link to={paths.upload(upload.id)}>
                  {upload.fileName}
                  <span className="visually-hidden">, upload {upload.id}: report</span>
                </Link>
              </th>
              <td>
                <UploadStatusTag status={upload.status} />
              </td>
              <td>
                <code className="code">{upload.datasetCode}</code>
              </td>
              <td>{upload.uploadedBy}</td>
              <td className="table__nowrap">{formatDateTime(upload.uploadedAt)}</td>
              <td className="uploads-number table__nowrap">{formatFileSize(upload.byteSize)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
