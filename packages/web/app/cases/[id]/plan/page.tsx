"use client";
import { type FormEvent, useEffect, useState } from "react";
import { useQuery } from "urql";
import { CaseFormFrame } from "../../../../components/cases/case-form-frame";
import { Textarea } from "../../../../components/form-fields";
import { LoadFailed, Loading } from "../../../../components/states";
import { errorFor } from "../../../../lib/api-errors";
import { graphql } from "../../../../lib/generated";
import { useCaseChange } from "../../../../lib/use-case-change";

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
  const { caseId, errors, sending, send } = useCaseChange(UpdateCasePlanDocument);
  const [{ data, fetching: loading, error: loadError }] = useQuery({
    query: CasePlanDocument,
    variables: { id: caseId },
  });
  const [plan, setPlan] = useState<string | null>(null);
  const current = data?.case?.plan;
  // The form starts from the plan as it stands, once that has loaded; after that it is the person's.
  useEffect(() => {
    if (current !== undefined) setPlan((typed) => typed ?? current);
  }, [current]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send({ caseId, plan: plan ?? "" });
  }

  return (
    <CaseFormFrame caseId={caseId} title="Update the plan" errors={errors}>
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
          <button type="submit" className="govuk-button" disabled={sending}>
            Save the plan
          </button>
        </form>
      )}
    </CaseFormFrame>
  );
}
