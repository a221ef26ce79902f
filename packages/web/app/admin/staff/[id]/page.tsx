"use client";
import Link from "next/link";
import { useParams, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { ErrorSummary } from "../../../../components/error-summary";
import { type RoleDraft, RoleFields } from "../../../../components/role-fields";
import { useSession } from "../../../../components/session";
import { LoadFailed, Loading } from "../../../../components/states";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../../../../lib/api-errors";
import { graphql } from "../../../../lib/generated";
import { roleWords } from "../../../../lib/role-words";

// What every staff mutation returns, so the cached person updates in place.
graphql(`
  fragment StaffMemberDetail on StaffUser { id name email jobTitle active roles { id role area { id name } } }
`);

const StaffMemberDocument = graphql(`
  query StaffMember($id: ID!) {
    node(id: $id) { __typename id ... on StaffUser { ...StaffMemberDetail } }
  }
`);

const GrantRoleDocument = graphql(`
  mutation GrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      __typename
      ... on MutationGrantRoleSuccess { data { ...StaffMemberDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const RevokeRoleDocument = graphql(`
  mutation RevokeRole($roleAssignmentId: ID!) {
    revokeRole(roleAssignmentId: $roleAssignmentId) {
      __typename
      ... on MutationRevokeRoleSuccess { data { ...StaffMemberDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const DeactivateDocument = graphql(`
  mutation DeactivateStaffMember($staffUserId: ID!) {
    deactivateStaffMember(staffUserId: $staffUserId) {
      __typename
      ... on MutationDeactivateStaffMemberSuccess { data { ...StaffMemberDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const ReactivateDocument = graphql(`
  mutation ReactivateStaffMember($staffUserId: ID!) {
    reactivateStaffMember(staffUserId: $staffUserId) {
      __typename
      ... on MutationReactivateStaffMemberSuccess { data { ...StaffMemberDetail } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

type Outcome = { __typename: string; message?: string; field?: string | null } | undefined;

/** One member of staff: their roles (given and taken away here) and whether their account is open. */
export default function StaffMemberPage() {
  const { id } = useParams<{ id: string }>();
  const added = useSearchParams().get("added") === "1";
  const { label } = useSession();
  const staffUserId = decodeURIComponent(id);
  const [{ data, fetching, error }] = useQuery({ query: StaffMemberDocument, variables: { id: staffUserId } });
  const [role, setRole] = useState<RoleDraft>({ role: "", areaId: "" });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(added ? "Added. They can sign in now." : null);
  const [{ fetching: granting }, grant] = useMutation(GrantRoleDocument);
  const [{ fetching: revoking }, revoke] = useMutation(RevokeRoleDocument);
  const [{ fetching: closing }, deactivate] = useMutation(DeactivateDocument);
  const [{ fetching: opening }, reactivate] = useMutation(ReactivateDocument);

  if (error && !data) return <LoadFailed />;
  if (fetching && !data) return <Loading what="the member of staff" />;
  const person = data?.node?.__typename === "StaffUser" ? data.node : null;
  if (!person)
    return (
      <>
        <h1 className="govuk-heading-l">Member of staff not found</h1>
        <p className="govuk-body">
          <Link className="govuk-link" href="/admin/staff">
            Back to staff and roles
          </Link>
        </p>
      </>
    );

  /** Shows the outcome of a change: the words of success, or the API's errors in place. */
  function settle(outcome: Outcome, networkError: { message: string } | undefined, success: string) {
    if (outcome?.__typename.endsWith("Success")) {
      setErrors([]);
      setDone(success);
      return true;
    }
    setDone(null);
    setErrors(outcome ? errorsOf(outcome as never) : networkErrorMessage(networkError));
    return false;
  }

  async function submitGrant(event: FormEvent) {
    event.preventDefault();
    if (!role.role) return setErrors([{ field: "role", message: "Choose the role to give them" }]);
    const result = await grant({ input: { staffUserId, role: role.role, areaId: role.areaId || null } });
    if (settle(result.data?.grantRole, result.error, "Role given.")) setRole({ role: "", areaId: "" });
  }

  const roleName = (assignment: (typeof person.roles)[number]) =>
    `${label(assignment.role, roleWords[assignment.role])}${assignment.area ? ` in ${assignment.area.name}` : " (whole authority)"}`;

  return (
    <>
      <span className="govuk-caption-l">Staff and roles</span>
      <h1 className="govuk-heading-l">{person.name}</h1>
      {done && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{done}</p>
          </div>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">E-mail address</dt>
          <dd className="govuk-summary-list__value">{person.email}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Job title</dt>
          <dd className="govuk-summary-list__value">{person.jobTitle ?? "Not given"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Account</dt>
          <dd className="govuk-summary-list__value">
            {person.active ? (
              <strong className="govuk-tag govuk-tag--green">Open</strong>
            ) : (
              <strong className="govuk-tag govuk-tag--grey">Closed</strong>
            )}
          </dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">Roles</h2>
      {person.roles.length === 0 ? (
        <p className="govuk-body">No roles: they can sign in but see nothing.</p>
      ) : (
        <dl className="govuk-summary-list" id="field-roleAssignmentId">
          {person.roles.map((assignment) => (
            <div className="govuk-summary-list__row" key={assignment.id}>
              <dt className="govuk-summary-list__key">{roleName(assignment)}</dt>
              <dd className="govuk-summary-list__actions">
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  disabled={revoking}
                  onClick={async () => {
                    const result = await revoke({ roleAssignmentId: assignment.id });
                    settle(result.data?.revokeRole, result.error, `No longer ${roleName(assignment).toLowerCase()}.`);
                  }}
                >
                  Remove<span className="govuk-visually-hidden"> the role {roleName(assignment)}</span>
                </button>
              </dd>
            </div>
          ))}
        </dl>
      )}

      <h2 className="govuk-heading-m">Give a role</h2>
      <form onSubmit={submitGrant} noValidate aria-label="Give a role">
        <RoleFields
          name=""
          draft={role}
          onChange={setRole}
          errors={{ role: errorFor(errors, "role"), areaId: errorFor(errors, "areaId") }}
        />
        <button type="submit" className="govuk-button" disabled={granting}>
          Give the role
        </button>
      </form>

      <h2 className="govuk-heading-m" id="field-staffUserId">
        {person.active ? "Close the account" : "Reopen the account"}
      </h2>
      {person.active ? (
        <>
          <p className="govuk-body">
            When someone leaves, close their account: they are signed out at once and cannot sign in. Their cases,
            requests and decisions stay on record.
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            disabled={closing}
            onClick={async () => {
              const result = await deactivate({ staffUserId });
              settle(result.data?.deactivateStaffMember, result.error, "Account closed. They have been signed out.");
            }}
          >
            Close {person.name}'s account
          </button>
        </>
      ) : (
        <button
          type="button"
          className="govuk-button"
          disabled={opening}
          onClick={async () => {
            const result = await reactivate({ staffUserId });
            settle(result.data?.reactivateStaffMember, result.error, "Account reopened, with the roles it had.");
          }}
        >
          Reopen {person.name}'s account
        </button>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" href="/admin/staff">
          Back to staff and roles
        </Link>
      </p>
    </>
  );
}
