"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { ErrorSummary } from "../../../components/error-summary";
import {
  DateInput,
  type DateParts,
  isoDate,
  Select,
  SingleCheckbox,
  Textarea,
  TextInput,
} from "../../../components/form-fields";
import { useSession } from "../../../components/session";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../../../lib/api-errors";
import { graphql } from "../../../lib/generated";

const OpenCaseDocument = graphql(`
  mutation OpenCase($input: OpenCaseInput!) {
    openCase(input: $input) {
      __typename
      ... on MutationOpenCaseSuccess { data { id reference } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

/** Open a case for one child in one of the lead professional's areas; they become its lead. */
export default function OpenCasePage() {
  const router = useRouter();
  const { me } = useSession();
  const areas = (me?.roles ?? [])
    .filter((role) => role.role === "LEAD_PROFESSIONAL" && role.area)
    .map((role) => role.area!);
  const [areaId, setAreaId] = useState(areas[0]?.id ?? "");
  const [givenName, setGivenName] = useState("");
  const [familyName, setFamilyName] = useState("");
  const [dateOfBirth, setDateOfBirth] = useState<DateParts>({ day: "", month: "", year: "" });
  const [disabled, setDisabled] = useState(false);
  const [lookedAfter, setLookedAfter] = useState(false);
  const [plan, setPlan] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [{ fetching }, openCase] = useMutation(OpenCaseDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = [dateOfBirth.day, dateOfBirth.month, dateOfBirth.year].some((part) => part.trim());
    const born = isoDate(dateOfBirth.day, dateOfBirth.month, dateOfBirth.year);
    if (typed && !born)
      return setErrors([
        { field: "children.0.dateOfBirth", message: "Date of birth must be a real date, like 27 3 2015" },
      ]);
    const result = await openCase({
      input: {
        areaId,
        plan: plan.trim() || null,
        children: [
          {
            givenName: givenName.trim(),
            familyName: familyName.trim(),
            dateOfBirth: born,
            disabled,
            lookedAfter,
          },
        ],
      },
    });
    const outcome = result.data?.openCase;
    if (outcome?.__typename === "MutationOpenCaseSuccess")
      return router.push(`/cases/${encodeURIComponent(outcome.data.id)}`);
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }

  const error = (field: string) => errorFor(errors, field);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Open a case</h1>
        <form onSubmit={submit} noValidate>
          {areas.length > 1 ? (
            <Select
              name="areaId"
              label="Area"
              value={areaId}
              onChange={setAreaId}
              options={areas.map((area) => ({ value: area.id, label: area.name }))}
              error={error("areaId")}
            />
          ) : (
            <p className="govuk-body">Area: {areas[0]?.name ?? "none: ask your administrator for one"}</p>
          )}
          <TextInput
            name="children.0.givenName"
            label="Child's first name"
            value={givenName}
            onChange={setGivenName}
            error={error("children.0.givenName")}
          />
          <TextInput
            name="children.0.familyName"
            label="Child's last name"
            value={familyName}
            onChange={setFamilyName}
            error={error("children.0.familyName")}
          />
          <DateInput
            name="children.0.dateOfBirth"
            label="Date of birth"
            hint="For example, 27 3 2015"
            value={dateOfBirth}
            onChange={setDateOfBirth}
            error={error("children.0.dateOfBirth") ?? error("children")}
          />
          <SingleCheckbox
            name="children.0.disabled"
            label="The child is disabled"
            checked={disabled}
            onChange={setDisabled}
          />
          <SingleCheckbox
            name="children.0.lookedAfter"
            label="The child is looked after (in the local authority's care)"
            checked={lookedAfter}
            onChange={setLookedAfter}
          />
          <Textarea
            name="plan"
            label="Multi-agency plan (optional)"
            hint="What the Team Around the Child agreed, if it has met."
            value={plan}
            onChange={setPlan}
            error={error("plan")}
          />
          <button type="submit" className="govuk-button" disabled={fetching}>
            Open the case
          </button>
        </form>
      </div>
    </div>
  );
}
