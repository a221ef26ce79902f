"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { ErrorSummary } from "../../../../components/error-summary";
import { TextInput } from "../../../../components/form-fields";
import { type RoleDraft, RoleFields } from "../../../../components/role-fields";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../../../../lib/api-errors";
import { graphql } from "../../../../lib/generated";

const AddStaffMemberDocument = graphql(`
  mutation AddStaffMember($input: AddStaffMemberInput!) {
    addStaffMember(input: $input) {
      __typename
      ... on MutationAddStaffMemberSuccess { data { id name email jobTitle active roles { id role area { id name } } } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const empty = { name: "", email: "", jobTitle: "", initialPassword: "" };

/** Adds a member of staff with their first role; more roles are given on their own page. */
export default function NewStaffMemberPage() {
  const router = useRouter();
  const [draft, setDraft] = useState(empty);
  const [role, setRole] = useState<RoleDraft>({ role: "", areaId: "" });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [{ fetching }, add] = useMutation(AddStaffMemberDocument);
  const set = (field: keyof typeof empty) => (value: string) => setDraft({ ...draft, [field]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!role.role) return setErrors([{ field: "roles.0.role", message: "Choose the role they start with" }]);
    const result = await add({
      input: {
        name: draft.name,
        email: draft.email,
        jobTitle: draft.jobTitle.trim() || null,
        initialPassword: draft.initialPassword || null,
        roles: [{ role: role.role, areaId: role.areaId || null }],
      },
    });
    const outcome = result.data?.addStaffMember;
    if (outcome?.__typename === "MutationAddStaffMemberSuccess")
      return router.push(`/admin/staff/${encodeURIComponent(outcome.data.id)}?added=1`);
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }

  return (
    <>
      <span className="govuk-caption-l">Staff and roles</span>
      <h1 className="govuk-heading-l">Add a member of staff</h1>
      <form onSubmit={submit} noValidate aria-label="Add a member of staff">
        <ErrorSummary errors={errors} />
        <TextInput
          name="name"
          label="Full name"
          autoComplete="off"
          value={draft.name}
          onChange={set("name")}
          error={errorFor(errors, "name")}
        />
        <TextInput
          name="email"
          type="email"
          label="Work e-mail address"
          hint="They sign in with it. It must not belong to anyone else."
          autoComplete="off"
          inputMode="email"
          value={draft.email}
          onChange={set("email")}
          error={errorFor(errors, "email")}
        />
        <TextInput
          name="jobTitle"
          label="Job title (optional)"
          hint="For example, family support worker."
          value={draft.jobTitle}
          onChange={set("jobTitle")}
          error={errorFor(errors, "jobTitle")}
        />
        <RoleFields
          name="roles.0"
          draft={role}
          onChange={setRole}
          errors={{
            role: errorFor(errors, "roles.0.role") ?? errorFor(errors, "roles"),
            areaId: errorFor(errors, "roles.0.areaId"),
          }}
        />
        <TextInput
          name="initialPassword"
          type="password"
          label="First password (optional)"
          hint="Give it to them in person; they should change it when they first sign in. Leave it empty if they sign in through your council's single sign-on."
          autoComplete="new-password"
          value={draft.initialPassword}
          onChange={set("initialPassword")}
          error={errorFor(errors, "initialPassword")}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={fetching}>
            Add them
          </button>
          <Link className="govuk-link" href="/admin/staff">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
