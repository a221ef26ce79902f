"use client";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { ErrorSummary } from "../../../components/error-summary";
import { Select, TextInput } from "../../../components/form-fields";
import { useSession } from "../../../components/session";
import { Empty, LoadFailed, Loading } from "../../../components/states";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../../../lib/api-errors";
import { formatDate } from "../../../lib/dates";
import { graphql } from "../../../lib/generated";

const CoverPageDocument = graphql(`
  query CoverPage {
    myCover { startsOn endsOn reason delegator { id name } delegate { id name } }
    staffUsers(first: 100) { edges { node { id name jobTitle active roles { id role area { id name } } } } }
  }
`);

const ArrangeCoverDocument = graphql(`
  mutation ArrangeCover($input: CoverInput!) {
    arrangeCover(input: $input) {
      __typename
      ... on MutationArrangeCoverSuccess { data { startsOn endsOn delegate { id name } } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const empty = { delegateId: "", startsOn: "", endsOn: "", reason: "" };

/** What the form can tell before asking the API: every field is needed. */
function missing(draft: typeof empty): FieldError[] {
  const problems: FieldError[] = [];
  if (!draft.delegateId) problems.push({ field: "delegateId", message: "Choose the colleague who will cover" });
  if (!draft.startsOn) problems.push({ field: "startsOn", message: "Enter the first day of cover" });
  if (!draft.endsOn) problems.push({ field: "endsOn", message: "Enter the last day of cover" });
  if (!draft.reason.trim()) problems.push({ field: "reason", message: "Say why (leave, sickness…)" });
  return problems;
}

/**
 * An approver hands their decisions to a colleague for dated leave or sickness: the colleague
 * sees the requests in their own queue, and each decision records both names.
 */
export default function CoverPage() {
  const { me, label } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: CoverPageDocument });
  const [{ fetching: saving }, arrange] = useMutation(ArrangeCoverDocument);
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [arranged, setArranged] = useState<string | null>(null);
  const approver = label("APPROVER", "Approver").toLowerCase();

  if (error && !data) return <LoadFailed />;
  if (fetching && !data) return <Loading what="your cover" />;
  const colleagues = (data?.staffUsers.edges ?? [])
    .map((edge) => edge.node)
    .filter((person) => person.id !== me?.id && person.active && person.roles.some((r) => r.role === "APPROVER"));
  const cover = data?.myCover ?? [];
  const set = (field: keyof typeof empty) => (value: string) => setDraft({ ...draft, [field]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setArranged(null);
    const problems = missing(draft);
    if (problems.length) return setErrors(problems);
    const result = await arrange({ input: { ...draft, reason: draft.reason.trim() } });
    const outcome = result.data?.arrangeCover;
    if (outcome?.__typename === "MutationArrangeCoverSuccess") {
      setErrors([]);
      setDraft(empty);
      setArranged(
        `${outcome.data.delegate.name} covers your decisions from ${formatDate(outcome.data.startsOn)} to ${formatDate(outcome.data.endsOn)}.`,
      );
      return;
    }
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }

  return (
    <>
      <span className="govuk-caption-l">{label("APPROVER", "Approver")}</span>
      <h1 className="govuk-heading-l">Cover for your decisions</h1>
      <p className="govuk-body">
        When you are on leave or off sick, another {approver} decides in your place. The requests awaiting you appear in
        their queue for the days you choose, and each decision they make records both your names.
      </p>
      {arranged && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Cover arranged. {arranged}</p>
          </div>
        </div>
      )}

      <h2 className="govuk-heading-m">Cover arranged</h2>
      {cover.length === 0 ? (
        <Empty>No cover is arranged for you, or by you, from today.</Empty>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Cover in force or to come</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Cover
              </th>
              <th scope="col" className="govuk-table__header">
                From
              </th>
              <th scope="col" className="govuk-table__header">
                To
              </th>
              <th scope="col" className="govuk-table__header">
                Why
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {cover.map((row) => (
              <tr className="govuk-table__row" key={`${row.delegator.id}-${row.delegate.id}-${row.startsOn}`}>
                <td className="govuk-table__cell">
                  {row.delegator.id === me?.id
                    ? `${row.delegate.name} covers your decisions`
                    : `You cover ${row.delegator.name}'s decisions`}
                </td>
                <td className="govuk-table__cell">{formatDate(row.startsOn)}</td>
                <td className="govuk-table__cell">{formatDate(row.endsOn)}</td>
                <td className="govuk-table__cell">{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-m">Arrange cover</h2>
      <form onSubmit={submit} noValidate aria-label="Arrange cover">
        <ErrorSummary errors={errors} />
        <Select
          name="delegateId"
          label="Who will cover"
          hint={`Another ${approver} of your authority.`}
          value={draft.delegateId}
          onChange={set("delegateId")}
          error={errorFor(errors, "delegateId")}
          options={[
            { value: "", label: "Choose a colleague" },
            ...colleagues.map((person) => ({
              value: person.id,
              label: `${person.name}${person.jobTitle ? `, ${person.jobTitle}` : ""}`,
            })),
          ]}
        />
        <TextInput
          name="startsOn"
          type="date"
          width="10"
          label="First day of cover"
          value={draft.startsOn}
          onChange={set("startsOn")}
          error={errorFor(errors, "startsOn")}
        />
        <TextInput
          name="endsOn"
          type="date"
          width="10"
          label="Last day of cover"
          value={draft.endsOn}
          onChange={set("endsOn")}
          error={errorFor(errors, "endsOn")}
        />
        <TextInput
          name="reason"
          label="Why"
          hint="For example, annual leave or sickness."
          value={draft.reason}
          onChange={set("reason")}
          error={errorFor(errors, "reason")}
        />
        <button type="submit" className="govuk-button" disabled={saving}>
          Arrange cover
        </button>
      </form>
      <p className="govuk-body">
        <Link className="govuk-link" href="/decisions">
          Back to requests awaiting your decision
        </Link>
      </p>
    </>
  );
}
