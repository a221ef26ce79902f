"use client";
import { useParams, useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { CaseHeading } from "../../../../components/cases/case-heading";
import { ErrorSummary } from "../../../../components/error-summary";
import { Textarea } from "../../../../components/form-fields";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../../../../lib/api-errors";
import { graphql } from "../../../../lib/generated";

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
  const { id } = useParams<{ id: string }>();
  const caseId = decodeURIComponent(id);
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [{ fetching }, close] = useMutation(CloseCaseDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await close({ caseId, reason });
    const outcome = result.data?.closeCase;
    if (outcome?.__typename === "MutationCloseCaseSuccess") return router.push(`/cases/${encodeURIComponent(caseId)}`);
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <CaseHeading caseId={caseId} title="Close the case" />
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
          <button type="submit" className="govuk-button govuk-button--warning" disabled={fetching}>
            Close the case
          </button>
        </form>
      </div>
    </div>
  );
}
