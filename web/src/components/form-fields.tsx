import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and error message, tied to the field by aria-describedby. */
export function FieldHintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
    </>
  );
}

/** The group around every field: label, hint and error, and the attributes that tie them to the control. */
function FieldGroup({
  id,
  label,
  hint,
  error,
  children,
}: FieldProps & { children: (aria: { "aria-describedby"?: string; "aria-invalid"?: true }) => ReactNode }) {
  const described = describedBy(id, hint, error);
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <FieldHintAndError id={id} hint={hint} error={error} />
      {children({
        ...(described ? { "aria-describedby": described } : {}),
        ...(error ? { "aria-invalid": true } : {}),
      })}
    </div>
  );
}

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

/** A labelled text input with its hint and error, GOV.UK style. */
export function TextField({ id, label, hint, error, className = "", ...input }: TextFieldProps) {
  return (
    <FieldGroup id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <input id={id} className={`input${error ? " input--error" : ""} ${className}`.trim()} {...aria} {...input} />
      )}
    </FieldGroup>
  );
}

type SelectFieldProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">;

export function SelectField({ id, label, hint, error, className = "", children, ...select }: SelectFieldProps) {
  return (
    <FieldGroup id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <select id={id} className={`select${error ? " select--error" : ""} ${className}`.trim()} {...aria} {...select}>
          {children}
        </select>
      )}
    </FieldGroup>
  );
}

type TextAreaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

/** A labelled multi-line text box with its hint and error. */
export function TextAreaField({ id, label, hint, error, className = "", rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldGroup id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <textarea
          id={id}
          rows={rows}
          className={`textarea${error ? " input--error" : ""} ${className}`.trim()}
          {...aria}
          {...textarea}
        />
      )}
    </FieldGroup>
  );
}
