"use client";
import { useParams, useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { useMutation, useQuery } from "urql";
import { CaseHeading } from "../../../../components/cases/case-heading";
import { ErrorSummary } from "../../../../components/error-summary";
import { Textarea } from "../../../../components/form-fields";
import { LoadFailed, Loading } from "../../../../components/states";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../../../../lib/api-errors";
import { graphql } from "../../../../lib/generated";

const CasePlanDocument = graphql(`
  query CasePlan($id: ID!) {
    case(id: $id) { id plan }
  }
`);

const UpdateCasePlanDocument = graphql(`
  mutation UpdateCasePlan($caseId: ID!, $plan: String!) {
    updateCasePlan(caseId: $caseId, plan: $plan) {
      __typename
      ... on MutationUpdateCasePlanSuccess { data { id plan } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

/** The multi-agency plan, written out whole: the new text replaces the old. */
export default function CasePlanPage() {
  const { id } = useParams<{ id: string }>();
  const caseId = decodeURIComponent(id);
  const router = useRouter();
  const [{ data, fetching: loading, error: loadError }] = useQuery({
    query: CasePlanDocument,
    variables: { id: caseId },
  });
  const [plan, setPlan] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [{ fetching }, update] = useMutation(UpdateCasePlanDocument);
  const current = data?.case?.plan;
  // The form starts from the plan as it stands, once that has loaded; after that it is the person's.
  useEffect(() => {
    if (current !== undefined) setPlan((typed) => typed ?? current);
  }, [current]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await update({ caseId, plan: plan ?? "" });
    const outcome = result.data?.updateCasePlan;
    if (outcome?.__typename === "MutationUpdateCasePlanSuccess")
      return router.push(`/cases/${encodeURIComponent(caseId)}`);
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <CaseHeading caseId={caseId} title="Update the plan" />
        {loadError && !data ? (
          <LoadFailed />
        ) : loading && !data ? (
          <Loading what="the plan" />
        ) : (
          <form onSubmit={submit} noValidate>
            <Textarea
              name="plan"
              label="Multi-agency plan"
              hint="What the Team Around the Child agreed: who does what, by when. This replaces the plan as it stands."
              rows={10}
              value={plan ?? ""}
              onChange={setPlan}
              error={errorFor(errors, "plan")}
            />
            <button type="submit" className="govuk-button" disabled={fetching}>
              Save the plan
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
