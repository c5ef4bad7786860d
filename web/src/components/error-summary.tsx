import { type MouseEvent, type ReactNode, useEffect, useId, useRef } from "react";

export interface ErrorSummaryItem {
  /** The id of the field to fix (for a group of checkboxes, its first). */
  targetId: string;
  message: string;
}

interface ErrorSummaryProps {
  items?: readonly ErrorSummaryItem[];
  title?: string;
  /** A sentence of explanation, for an error that no field can fix. */
  children?: ReactNode;
}

function focusTarget(event: MouseEvent<HTMLAnchorElement>, targetId: string) {
  const target = document.getElementById(targetId);
  if (!target) return;
  event.preventDefault();
  // Bring the label or legend into view with the field, as GOV.UK's summary does.
  (target.closest("fieldset, .form-group") ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
}

/**
 * What to fix, at the top of the form, each item a link to its field. It takes focus when it appears: render it
 * with a new `key` after each failed submit so a second failure is announced too.
 */
export function ErrorSummary({ items = [], title = "There is a problem", children }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  if (items.length === 0 && !children) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {title}
      </h2>
      {children ? <div className="error-summary__body">{children}</div> : null}
      {items.length ? (
        <ul className="error-summary__list">
          {items.map((item) => (
            <li key={`${item.targetId}:${item.message}`}>
              <a href={`#${item.targetId}`} onClick={(event) => focusTarget(event, item.targetId)}>
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
