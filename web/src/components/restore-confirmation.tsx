import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { TextAreaField } from "./form-fields.tsx";

interface RestoreConfirmationProps {
  version: number;
  /** What restoring will do, said before the analyst confirms. */
  children: ReactNode;
  headingLevel: 2 | 3;
  pending: boolean;
  /** Why the last attempt failed, if it did. */
  error: string | null;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}

/** Asks before restoring an earlier version, says what it will do, and takes a note for the history. */
export function RestoreConfirmation({
  version,
  children,
  headingLevel,
  pending,
  error,
  onConfirm,
  onCancel,
}: RestoreConfirmationProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => headingRef.current?.focus(), []);
  const Heading = headingLevel === 2 ? "h2" : "h3";

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    onConfirm(String(new FormData(event.currentTarget).get("note") ?? "").trim());
  }

  return (
    <section className="panel panel--warning" aria-labelledby={`${id}-title`}>
      <Heading className="heading-m" id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        Restore version {version}?
      </Heading>
      {children}
      <form onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
        {error ? (
          <p className="field-error" role="alert">
            <span className="visually-hidden">Error:</span> The version was not restored: {error}
          </p>
        ) : null}
        <TextAreaField
          id={`${id}-note`}
          name="note"
          label="Why are you restoring it? (optional)"
          rows={2}
          maxLength={2000}
        />
        <div className="button-group">
          <button type="submit" className="button button--warning" disabled={pending}>
            Yes, restore version {version}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
