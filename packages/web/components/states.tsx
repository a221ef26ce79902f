import type { ReactNode } from "react";

export function Loading({ what }: { what: string }) {
  return (
    <p className="govuk-body" role="status">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="govuk-body govuk-!-margin-top-4 app-empty">{children}</p>;
}

export function LoadFailed() {
  return (
    <div className="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">Sorry, there is a problem with the service</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">This could not be loaded. Try again in a moment.</p>
      </div>
    </div>
  );
}
