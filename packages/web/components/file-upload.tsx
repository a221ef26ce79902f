"use client";
import type { ReactNode } from "react";
import { fieldId } from "../lib/api-errors";

/**
 * GOV.UK's file upload: a plain file input with its label, hint and error. The chosen file
 * stays chosen after an error elsewhere on the form (the input is not reset), as typed text does.
 */
export function FileUpload({
  name,
  label,
  hint,
  error,
  accept,
  onChange,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** A hint to the browser's file picker only: the API judges each file by its content. */
  accept?: string;
  onChange(file: File | null): void;
}) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </div>
  );
}
