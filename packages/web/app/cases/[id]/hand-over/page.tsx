"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { CaseHeading } from "../../../../components/cases/case-heading";
import { ErrorSummary } from "../../../../components/error-summary";
import { Select } from "../../../../components/form-fields";
import { LoadFailed, Loading } from "../../../../components/states";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../../../../lib/api-errors";
import { graphql } from "../../../../lib/generated";
import type { HandOverCaseMutation } from "../../../../lib/generated/graphql";

const HandOverChoicesDocument = graphql(`
  query HandOverChoices($id: ID!) {
    case(id: $id) { id leadProfessional { id name } }
    staffUsers(first: 100) {
      edges { node { id name jobTitle roles { id role area { id name } } } }
    }
  }
`);

const HandOverCaseDocument = graphql(`
  mutation HandOverCase($caseId: ID!, $toStaffUserId: ID!) {
    handOverCase(caseId: $caseId, toStaffUserId: $toStaffUserId) {
      __typename
      ... on MutationHandOverCaseSuccess {
        data { reference leadProfessional { id name } case { id leadProfessional { id name } } }
      }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

type HandedOver = Extract<HandOverCaseMutation["handOverCase"], { __typename: "MutationHandOverCaseSuccess" }>["data"];

/** Gives the case to another lead professional of the authority, e.g. when its lead moves on. */
export default function HandOverCasePage() {
  const { id } = useParams<{ id: string }>();
  const caseId = decodeURIComponent(id);
  const [{ data, fetching: loading, error: loadError }] = useQuery({
    query: HandOverChoicesDocument,
    variables: { id: caseId },
  });
  const [to, setTo] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [handedOver, setHandedOver] = useState<HandedOver | null>(null);
  const [{ fetching }, handOver] = useMutation(HandOverCaseDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!to) return setErrors([{ field: "toStaffUserId", message: "Choose who is to lead the case" }]);
    const result = await handOver({ caseId, toStaffUserId: to });
    const outcome = result.data?.handOverCase;
    if (outcome?.__typename === "MutationHandOverCaseSuccess") return setHandedOver(outcome.data);
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }

  if (handedOver)
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Case handed over</h1>
            <div className="govuk-panel__body">
              {handedOver.leadProfessional.name} now leads case {handedOver.reference}
            </div>
          </div>
          <p className="govuk-body">
            {handedOver.case
              ? "You can still see the case."
              : "You no longer lead this case, so it has gone from your cases. Its new lead professional has it now."}
          </p>
          <p className="govuk-body">
            {handedOver.case ? (
              <Link className="govuk-link" href={`/cases/${encodeURIComponent(caseId)}`}>
                Back to the case
              </Link>
            ) : (
              <Link className="govuk-link" href="/cases">
                Back to your cases
              </Link>
            )}
          </p>
        </div>
      </div>
    );

  const current = data?.case?.leadProfessional;
  // Anyone who holds the lead professional role may take the case; the API also checks they are active.
  const leads = (data?.staffUsers.edges ?? [])
    .map((edge) => edge.node)
    .filter((person) => person.id !== current?.id && person.roles.some((role) => role.role === "LEAD_PROFESSIONAL"));
  const areasOf = (person: (typeof leads)[number]) =>
    person.roles
      .filter((role) => role.role === "LEAD_PROFESSIONAL" && role.area)
      .map((role) => role.area?.name)
      .join(", ");

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <CaseHeading caseId={caseId} title="Hand over the case" />
        {loadError && !data ? (
          <LoadFailed />
        ) : loading && !data ? (
          <Loading what="the lead professionals" />
        ) : (
          <>
            <p className="govuk-body">
              The case is led by {current?.name ?? "nobody"} now. The person you choose becomes its lead professional;
              if that is not you, you will no longer see the case.
            </p>
            <form onSubmit={submit} noValidate>
              <Select
                name="toStaffUserId"
                label="New lead professional"
                value={to}
                onChange={setTo}
                options={[
                  { value: "", label: "Choose someone" },
                  ...leads.map((person) => ({
                    value: person.id,
                    label: [person.name, person.jobTitle, areasOf(person)].filter(Boolean).join(", "),
                  })),
                ]}
                error={errorFor(errors, "toStaffUserId") ?? errorFor(errors, "caseId")}
              />
              <button type="submit" className="govuk-button" disabled={fetching}>
                Hand over the case
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
