/**
 * A step of a check or a publish as the server reports it: its name over a bar of how much of the file the step has
 * read, or an indeterminate bar while the step does not read the file.
 */
export function StepProgress({
  id,
  label,
  percent,
  note,
}: {
  id: string;
  label: string;
  percent: number | null;
  /** What is going on, in a sentence, under the bar. */
  note: string;
}) {
  return (
    <>
      <label className="label" htmlFor={id}>
        {label}…
      </label>
      {percent === null ? (
        <progress id={id} className="upload-progress__bar" />
      ) : (
        <progress id={id} className="upload-progress__bar" max={100} value={percent}>
          {percent}%
        </progress>
      )}
      <p className="upload-progress__text">
        {percent === null ? "" : `${percent}% of the file read. `}
        {note}
      </p>
    </>
  );
}
