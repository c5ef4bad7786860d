import type { ReferenceCheck, ReferenceKind } from "@plan-outcomes/server/contract";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { FieldHintAndError, TextAreaField, TextField } from "../../../components/form-fields.tsx";
import { TableScroll } from "../../../components/table-scroll.tsx";
import { useSendReferenceFile } from "../api/reference-queries.ts";
import { REFERENCE_KINDS, toPreviewSummary, toProblemCountText } from "../utils/reference-kinds.ts";

const FILE_ID = "reference-file";

/**
 * Load a new version: choose a file, check it (nothing is written), read its problems or what it would
 * change, then publish it with a note. Publishing sends the same file again, checked again in the same
 * transaction that writes it.
 */
export function ReferenceFileForm({ kind }: { kind: ReferenceKind }) {
  const send = useSendReferenceFile();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState("");
  const [note, setNote] = useState("");
  const [missingFile, setMissingFile] = useState(0);
  const [check, setCheck] = useState<ReferenceCheck | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const title = REFERENCE_KINDS[kind].title;

  useEffect(() => {
    if (check) resultRef.current?.focus();
  }, [check]);

  function submit(publish: boolean) {
    if (!file) {
      setMissingFile((attempt) => attempt + 1);
      return;
    }
    send.mutate({ kind, file, sheet: sheet.trim(), note: note.trim(), publish }, { onSuccess: setCheck });
  }

  function handleCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!send.isPending) submit(false);
  }

  const isWorkbook = file?.name.toLowerCase().endsWith(".xlsx") ?? false;
  return (
    <section aria-labelledby="reference-load-title" className="reference-section">
      <h2 className="heading-m" id="reference-load-title">
        Load a new version
      </h2>
      <form className="form" onSubmit={handleCheck} noValidate aria-labelledby="reference-load-title">
        {missingFile > 0 && !file ? (
          <ErrorSummary key={missingFile} items={[{ targetId: FILE_ID, message: "Choose a file to check" }]} />
        ) : null}
        {send.error ? (
          <ErrorSummary title="The file was not checked">
            <p>{send.error.message}</p>
          </ErrorSummary>
        ) : null}
        <div className={`form-group${missingFile > 0 && !file ? " form-group--error" : ""}`}>
          <label className="label" htmlFor={FILE_ID}>
            {title} file
          </label>
          <FieldHintAndError
            id={FILE_ID}
            hint="CSV or Excel (.xlsx) with the columns below. Download the current version, edit it and load it back. Checking writes nothing."
            error={missingFile > 0 && !file ? "Choose a file to check" : undefined}
          />
          <input
            id={FILE_ID}
            className="reference-file-input"
            type="file"
            name="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${FILE_ID}-hint`}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setCheck(null);
              send.reset();
            }}
          />
        </div>
        {isWorkbook ? (
          <TextField
            id="reference-sheet"
            label="Sheet (optional)"
            hint="Leave blank to read the workbook's first sheet."
            className="input--width-10"
            value={sheet}
            onChange={(event) => setSheet(event.currentTarget.value)}
          />
        ) : null}
        <button type="submit" className="button" disabled={send.isPending}>
          {send.isPending && !send.variables?.publish ? "Checking…" : "Check the file"}
        </button>
      </form>

      {check ? (
        <CheckResult
          check={check}
          headingRef={resultRef}
          note={note}
          onNote={setNote}
          publishing={send.isPending && send.variables?.publish === true}
          onPublish={() => submit(true)}
        />
      ) : null}
    </section>
  );
}

interface CheckResultProps {
  check: ReferenceCheck;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  note: string;
  onNote: (note: string) => void;
  publishing: boolean;
  onPublish: () => void;
}

function CheckResult({ check, headingRef, note, onNote, publishing, onPublish }: CheckResultProps) {
  if (check.status === "refused") {
    return (
      <section className="panel panel--warning" aria-labelledby="reference-result-title">
        <h3 className="heading-s" id="reference-result-title" tabIndex={-1} ref={headingRef}>
          {check.fileName} was refused: {toProblemCountText(check)}
        </h3>
        <p>Nothing was written. Correct the file and check it again.</p>
        <TableScroll label="Problems in the file">
          <table className="table">
            <caption className="table__caption visually-hidden">Problems in {check.fileName}</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {check.problems.map((problem, index) => (
                <tr key={`${problem.row}-${problem.column}-${index}`}>
                  <td>{problem.row ?? ""}</td>
                  <td>{problem.column ?? ""}</td>
                  <td className="table__wrap">{problem.value ?? ""}</td>
                  <td className="table__wrap">{problem.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    );
  }
  if (check.status === "published" && check.published) {
    return (
      <div className="panel" role="status" aria-labelledby="reference-result-title">
        <h3 className="heading-s" id="reference-result-title" tabIndex={-1} ref={headingRef}>
          Published as version {check.published.version}
        </h3>
        <p>
          {check.fileName}: {check.preview ? toPreviewSummary(check.preview) : `${check.rowCount} rows.`} The earlier
          version is kept and can be restored.
        </p>
      </div>
    );
  }
  const preview = check.preview;
  const nothingChanges = preview !== null && preview.added + preview.changed + preview.removed === 0;
  return (
    <section className="panel" aria-labelledby="reference-result-title">
      <h3 className="heading-s" id="reference-result-title" tabIndex={-1} ref={headingRef}>
        {check.fileName} passed every check
      </h3>
      <p>{preview ? toPreviewSummary(preview) : `${check.rowCount} rows.`}</p>
      {preview && preview.changes.length > 0 ? (
        <TableScroll label="What publishing would change">
          <table className="table">
            <caption className="table__caption">What publishing would change</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Change</th>
                <th scope="col">Now</th>
                <th scope="col">After publishing</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((change) => (
                <tr key={change.key}>
                  <th scope="row" className="table__wrap">
                    {change.key}
                  </th>
                  <td>
                    <strong
                      className={`tag ${change.change === "removed" ? "tag--red" : change.change === "added" ? "tag--green" : "tag--grey"}`}
                    >
                      {change.change}
                    </strong>
                  </td>
                  <td className="table__wrap">{change.before ?? "Not in the current version"}</td>
                  <td className="table__wrap">{change.after ?? "Not in this file"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {nothingChanges ? (
        <p>The file is the same as the current version: there is nothing to publish.</p>
      ) : (
        <>
          <TextAreaField
            id="reference-note"
            label="Note for the history (optional)"
            hint="Why this version: where the file came from, what changed."
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => onNote(event.currentTarget.value)}
          />
          <button type="button" className="button" disabled={publishing} onClick={onPublish}>
            {publishing ? "Publishing…" : "Publish this version"}
          </button>
        </>
      )}
    </section>
  );
}
