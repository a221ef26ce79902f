"use client";
import { useEffect, useRef } from "react";
import { type FieldError, fieldId } from "../lib/api-errors";

/** GOV.UK's error summary: every problem at the top, each linking to its field; focused when it appears. */
export function ErrorSummary({
  errors,
  title = "There is a problem",
}: {
  errors: readonly FieldError[];
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same message can repeat for different fields
              <li key={index}>
                {error.field ? <a href={`#${fieldId(error.field)}`}>{error.message}</a> : error.message}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
