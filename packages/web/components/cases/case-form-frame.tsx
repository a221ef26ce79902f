import type { ReactNode } from "react";
import type { FieldError } from "../../lib/api-errors";
import { ErrorSummary } from "../error-summary";
import { CaseHeading } from "./case-heading";

/** What every form about one case shows around its fields: the errors first, then the case's heading. */
export function CaseFormFrame(props: { caseId: string; title: string; errors: FieldError[]; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors} />
        <CaseHeading caseId={props.caseId} title={props.title} />
        {props.children}
      </div>
    </div>
  );
}
