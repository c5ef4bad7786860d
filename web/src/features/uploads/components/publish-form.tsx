import { PUBLISH_STEP_LABELS, type Upload } from "@plan-outcomes/server/contract";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { FieldHintAndError } from "../../../components/form-fields.tsx";
import { paths } from "../../../lib/paths.ts";
import { useCheckProgress, usePublishUpload } from "../api/upload-queries.ts";
import { newProgressKey } from "../utils/new-progress-key.ts";
import { toCheckProgressText } from "../utils/to-upload-phase-text.ts";
import { StepProgress } from "./step-progress.tsx";

export interface PublishResult {
  datasetCode: string;
  version: number;
  unchanged: boolean;
  inserted: number;
  revised: number;
  withdrawn: number;
}

const REVIEWED_ID = "publish-reviewed";
const NOTE_ID = "publish-note";
const count = new Intl.NumberFormat("en-GB");

/** A note for the history, the warnings acknowledged when there are any, then one button. */
export function PublishForm({ upload, onPublished }: { upload: Upload; onPublished: (result: PublishResult) => void }) {
  const publish = usePublishUpload(upload.id);
  const hasWarnings = upload.report.warnings.length > 0;
  // The server's publish is followed by this key while it runs.
  const [progressKey, setProgressKey] = useState<string | null>(null);
  const { data: progress } = useCheckProgress(publish.isPending ? progressKey : null);
  const step = toCheckProgressText(progress, PUBLISH_STEP_LABELS, "Publishing the file");
  const [{ reviewError, serverError, attempt }, setFailure] = useState<{
    reviewError: string | null;
    serverError: string | null;
    attempt: number;
  }>({ reviewError: null, serverError: null, attempt: 0 });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (publish.isPending) return;
    const data = new FormData(event.currentTarget);
    const reviewed = data.get("reviewed") === "yes";
    if (hasWarnings && !reviewed) {
      setFailure((previous) => ({
        reviewError: "Confirm that you have reviewed the warnings",
        serverError: null,
        attempt: previous.attempt + 1,
      }));
      return;
    }
    const key = newProgressKey();
    setProgressKey(key);
    try {
      const result = await publish.mutateAsync({
        acceptWarnings: reviewed,
        note: String(data.get("note") ?? "").trim(),
        progress: key,
      });
      onPublished(result);
    } catch (error) {
      setFailure((previous) => ({
        reviewError: null,
        serverError: error instanceof Error ? error.message : "The server did not answer. Try again.",
        attempt: previous.attempt + 1,
      }));
    }
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-labelledby="publish-title">
      {reviewError ? <ErrorSummary key={attempt} items={[{ targetId: REVIEWED_ID, message: reviewError }]} /> : null}
      {serverError ? (
        <ErrorSummary key={attempt} title="The file was not published">
          <p>{serverError}</p>
        </ErrorSummary>
      ) : null}
      <p>
        Publishing makes these figures the current version of <code className="code">{upload.datasetCode}</code>, in one
        step. Figures the dataset no longer carries are withdrawn; nothing is deleted, and the previous version can be
        restored from the dataset history.
      </p>
      {hasWarnings ? (
        <div className={`form-group${reviewError ? " form-group--error" : ""}`}>
          <FieldHintAndError id={REVIEWED_ID} error={reviewError ?? undefined} />
          <div className="checkbox">
            <input
              className="checkbox__input"
              type="checkbox"
              id={REVIEWED_ID}
              name="reviewed"
              value="yes"
              aria-describedby={reviewError ? `${REVIEWED_ID}-error` : undefined}
              aria-invalid={reviewError ? true : undefined}
            />
            <label className="checkbox__label" htmlFor={REVIEWED_ID}>
              I have reviewed these warnings
            </label>
          </div>
        </div>
      ) : null}
      <div className="form-group">
        <label className="label" htmlFor={NOTE_ID}>
          Note for the version history (optional)
        </label>
        <FieldHintAndError id={NOTE_ID} hint="For example: “DfE release of 12 December, revised figures for 2024”." />
        <textarea
          id={NOTE_ID}
          name="note"
          className="textarea"
          rows={3}
          maxLength={2000}
          aria-describedby={`${NOTE_ID}-hint`}
        />
      </div>
      {publish.isPending ? (
        <div className="upload-progress">
          <StepProgress
            id="publish-progress-bar"
            {...step}
            note="One transaction: readers see the previous version until every figure is in."
          />
        </div>
      ) : null}
      <button type="submit" className="button" disabled={publish.isPending}>
        {publish.isPending ? "Publishing…" : "Publish"}
      </button>
      <p className="visually-hidden" role="status">
        {publish.isPending ? `${step.label}…` : ""}
      </p>
    </form>
  );
}

/** What publishing did, taking focus so it is the next thing read. */
export function PublishOutcome({ result }: { result: PublishResult }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notification notification--success" role="status" tabIndex={-1} ref={ref}>
      <h2 className="heading-m">
        {result.unchanged
          ? "Nothing to publish: the file is already published"
          : `Published as version ${result.version}`}
      </h2>
      {result.unchanged ? (
        <p>
          This exact file is already version {result.version} of <code className="code">{result.datasetCode}</code>, so
          no new version was made.
        </p>
      ) : (
        <ul className="uploads-outcome">
          <li>
            <strong>{count.format(result.inserted)}</strong> figures in this version
          </li>
          <li>
            <strong>{count.format(result.revised)}</strong> revised from the previous version
          </li>
          <li>
            <strong>{count.format(result.withdrawn)}</strong> withdrawn (no longer in the dataset)
          </li>
        </ul>
      )}
      <p>
        <Link to={paths.dataset(result.datasetCode)}>See the history of {result.datasetCode}</Link>
      </p>
    </div>
  );
}
