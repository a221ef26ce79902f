"use client";
import { type FormEvent, useState } from "react";
import { CaseFormFrame } from "../../../../components/cases/case-form-frame";
import { Textarea } from "../../../../components/form-fields";
import { errorFor } from "../../../../lib/api-errors";
import { graphql } from "../../../../lib/generated";
import { useCaseChange } from "../../../../lib/use-case-change";

const CloseCaseDocument = graphql(`
  mutation CloseCase($caseId: ID!, $reason: String!) {
    closeCase(caseId: $caseId, reason: $reason) {
      __typename
      ... on MutationCloseCaseSuccess { data { id status closedAt closureReason } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

/** Ends the case, with the reason kept on it. */
export default function CloseCasePage() {
  const { caseId, errors, sending, send } = useCaseChange(CloseCaseDocument);
  const [reason, setReason] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send({ caseId, reason });
  }

  return (
    <CaseFormFrame caseId={caseId} title="Close the case" errors={errors}>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Once it is closed, nothing more can be recorded or bought for this case.
        </strong>
      </div>
      <form onSubmit={submit} noValidate>
        <Textarea
          name="reason"
          label="Why is the case closing?"
          hint="For example, the plan's outcomes were met, or the family moved away."
          value={reason}
          onChange={setReason}
          error={errorFor(errors, "reason") ?? errorFor(errors, "caseId")}
        />
        <button type="submit" className="govuk-button govuk-button--warning" disabled={sending}>
          Close the case
        </button>
      </form>
    </CaseFormFrame>
  );
}
