import { type DragEvent, type FormEvent, useRef, useState } from "react";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { FieldHintAndError, TextField } from "../../../components/form-fields.tsx";
import { useCheckProgress, useSendUpload } from "../api/upload-queries.ts";
import { formatFileSize } from "../utils/format-file-size.ts";
import { toUploadErrorMessage } from "../utils/to-upload-error-message.ts";
import {
  toCheckProgressText,
  toPercentSent,
  toPhaseAnnouncement,
  type UploadPhase,
} from "../utils/to-upload-phase-text.ts";
import {
  isWorkbook,
  type UploadField,
  type UploadFieldError,
  validateUploadForm,
} from "../utils/validate-upload-form.ts";
import { StepProgress } from "./step-progress.tsx";

const FIELD_IDS: Record<UploadField, string> = {
  file: "upload-file",
  dataset: "upload-dataset",
  sheet: "upload-sheet",
};

interface UploadFormProps {
  /** The file has been checked: its report is ready to read. */
  onChecked: (uploadId: number) => void;
}

/**
 * Choose or drop a file, send it with a real progress bar, then wait while the server checks it. The drop zone
 * wraps an ordinary file input, so the keyboard and screen readers use the browser's own control.
 */
export function UploadForm({ onChecked }: UploadFormProps) {
  const send = useSendUpload();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<UploadPhase>({ kind: "idle" });
  const [{ errors, message, attempt }, setFailure] = useState<{
    errors: UploadFieldError[];
    message: string | null;
    attempt: number;
  }>({ errors: [], message: null, attempt: 0 });

  const busy = phase.kind === "sending" || phase.kind === "checking";
  const { data: checkProgress } = useCheckProgress(phase.kind === "checking" ? phase.progressKey : null);
  const fileError = errors.find((error) => error.field === "file")?.message;
  const datasetError = errors.find((error) => error.field === "dataset")?.message;
  const sheetError = errors.find((error) => error.field === "sheet")?.message;

  function choose(files: FileList | null) {
    setFile(files?.[0] ?? null);
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const dropped = event.dataTransfer.files;
    if (!dropped.length) return;
    // Put the dropped file in the input too, so what the input says and what is sent agree.
    if (inputRef.current) inputRef.current.files = dropped;
    choose(dropped);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const result = validateUploadForm({
      file,
      dataset: String(data.get("dataset") ?? ""),
      sheet: String(data.get("sheet") ?? ""),
    });
    if (!result.ok) {
      setFailure((previous) => ({ errors: result.errors, message: null, attempt: previous.attempt + 1 }));
      return;
    }
    const { file: chosen, dataset, sheet } = result.value;
    const metaFile = data.get("meta");
    const meta = metaFile instanceof File && metaFile.size > 0 ? metaFile : undefined;
    setFailure((previous) => ({ errors: [], message: null, attempt: previous.attempt }));
    setPhase({ kind: "sending", sent: 0, total: chosen.size });
    const abort = new AbortController();
    abortRef.current = abort;
    try {
      const upload = await send.mutateAsync({
        file: chosen,
        dataset,
        sheet,
        meta,
        signal: abort.signal,
        onProgress: (sent, total) => setPhase({ kind: "sending", sent, total }),
        onSent: (progressKey) => setPhase({ kind: "checking", progressKey }),
      });
      onChecked(upload.id);
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") {
        setPhase({ kind: "cancelled" });
        return;
      }
      setPhase({ kind: "idle" });
      setFailure((previous) => ({
        errors: [],
        message: toUploadErrorMessage(error, chosen),
        attempt: previous.attempt + 1,
      }));
    } finally {
      abortRef.current = null;
    }
  }

  return (
    <form className="form upload-form" onSubmit={handleSubmit} noValidate aria-labelledby="upload-title">
      {errors.length ? (
        <ErrorSummary
          key={attempt}
          items={errors.map((error) => ({ targetId: FIELD_IDS[error.field], message: error.message }))}
        />
      ) : null}
      {message ? (
        <ErrorSummary key={attempt} title="The file was not checked">
          <p>{message}</p>
        </ErrorSummary>
      ) : null}

      <div className={`form-group${fileError ? " form-group--error" : ""}`}>
        <label className="label" htmlFor={FIELD_IDS.file}>
          Upload a file
        </label>
        <FieldHintAndError
          id={FIELD_IDS.file}
          hint="A CSV or Excel (.xlsx) file as you have it: Explore Education Statistics (tidy), LAIT, or the Plan Outcomes template. Checking it publishes nothing."
          error={fileError}
        />
        {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target only adds dragging to the file input inside it, which stays the keyboard's way in */}
        <div
          className={`drop-zone${dragging ? " drop-zone--active" : ""}${fileError ? " drop-zone--error" : ""}`}
          onDragOver={(event) => {
            event.preventDefault();
            if (!busy) setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={handleDrop}
        >
          <p className="drop-zone__text" aria-hidden="true">
            Drag and drop a file here, or
          </p>
          <input
            ref={inputRef}
            id={FIELD_IDS.file}
            className="drop-zone__input"
            type="file"
            name="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            aria-describedby={[`${FIELD_IDS.file}-hint`, fileError ? `${FIELD_IDS.file}-error` : null]
              .filter(Boolean)
              .join(" ")}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => choose(event.currentTarget.files)}
          />
          {file ? (
            <p className="drop-zone__chosen">
              Chosen: <strong>{file.name}</strong> ({formatFileSize(file.size)})
            </p>
          ) : null}
        </div>
      </div>

      {isWorkbook(file) ? (
        <TextField
          id={FIELD_IDS.sheet}
          name="sheet"
          label="Sheet (optional)"
          hint="The name on the tab of the sheet that holds the figures. Leave it blank to read the first sheet. If no sheet has that name, the report lists the workbook's sheets."
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          disabled={busy}
          error={sheetError}
        />
      ) : null}

      <TextField
        id={FIELD_IDS.dataset}
        name="dataset"
        label="Dataset code (optional)"
        hint="A later file with the same code becomes the dataset's next version. Leave it blank to name the dataset after the file."
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        disabled={busy}
        error={datasetError}
      />

      <div className="form-group">
        <label className="label" htmlFor="upload-meta">
          Its .meta.csv (optional)
        </label>
        <div className="hint" id="upload-meta-hint">
          For an Explore Education Statistics file: the labels, units and decimal places of new columns come from it.
        </div>
        <input
          className="file-input"
          type="file"
          id="upload-meta"
          name="meta"
          accept=".csv,text/csv"
          aria-describedby="upload-meta-hint"
          disabled={busy}
        />
      </div>

      <UploadProgress
        phase={phase.kind === "checking" ? { ...phase, progress: checkProgress } : phase}
        fileName={file?.name ?? "the file"}
      />

      <div className="button-group">
        <button type="submit" className="button" disabled={busy}>
          Upload and check
        </button>
        {phase.kind === "sending" ? (
          <button type="button" className="button button--secondary" onClick={() => abortRef.current?.abort()}>
            Cancel upload
          </button>
        ) : null}
      </div>
    </form>
  );
}

function UploadProgress({ phase, fileName }: { phase: UploadPhase; fileName: string }) {
  const percent = toPercentSent(phase);
  return (
    <div className="upload-progress">
      {phase.kind === "sending" ? (
        <>
          <label className="label" htmlFor="upload-progress-bar">
            Sending {fileName}
          </label>
          <progress id="upload-progress-bar" className="upload-progress__bar" max={100} value={percent}>
            {percent}%
          </progress>
          <p className="upload-progress__text" aria-hidden="true">
            {percent}% sent
          </p>
        </>
      ) : null}
      {phase.kind === "checking" ? (
        <StepProgress
          id="upload-progress-bar"
          {...toCheckProgressText(phase.progress)}
          note="Every row is checked and the publish rehearsed; nothing is published yet. A large file can take a minute."
        />
      ) : null}
      {phase.kind === "cancelled" ? <p>Upload cancelled. Nothing was checked or published.</p> : null}
      <p className="visually-hidden" role="status">
        {toPhaseAnnouncement(phase, fileName)}
      </p>
    </div>
  );
}
