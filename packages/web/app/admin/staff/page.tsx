"use client";
import Link from "next/link";
import { useQuery } from "urql";
import { Pagination, useCursorPages } from "../../../components/pagination";
import { useSession } from "../../../components/session";
import { Empty, LoadFailed, Loading } from "../../../components/states";
import { graphql } from "../../../lib/generated";
import { roleWords } from "../../../lib/role-words";

const StaffDocument = graphql(`
  query Staff($after: String) {
    staffUsers(first: 25, after: $after) {
      edges { node { id name email jobTitle active roles { id role area { id name } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** The authority's staff and the roles they hold; each person's page changes their roles and account. */
export default function StaffPage() {
  const { label } = useSession();
  const pages = useCursorPages();
  const [{ data, fetching, error }] = useQuery({ query: StaffDocument, variables: { after: pages.after } });
  const staff = data?.staffUsers.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1 className="govuk-heading-l">Staff and roles</h1>
      <Link className="govuk-button" href="/admin/staff/new" role="button">
        Add a member of staff
      </Link>
      {error && !data ? (
        <LoadFailed />
      ) : fetching && !data ? (
        <Loading what="staff" />
      ) : staff.length === 0 ? (
        <Empty>No staff.</Empty>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Staff</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Email
              </th>
              <th scope="col" className="govuk-table__header">
                Roles
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {staff.map((person) => (
              <tr className="govuk-table__row" key={person.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`/admin/staff/${encodeURIComponent(person.id)}`}>
                    {person.name}
                  </Link>
                  {!person.active && (
                    <>
                      {" "}
                      <strong className="govuk-tag govuk-tag--grey">Closed</strong>
                    </>
                  )}
                  {person.jobTitle && (
                    <>
                      <br />
                      <span className="govuk-body-s">{person.jobTitle}</span>
                    </>
                  )}
                </td>
                <td className="govuk-table__cell">{person.email}</td>
                <td className="govuk-table__cell">
                  {person.roles
                    .map(
                      (assignment) =>
                        `${label(assignment.role, roleWords[assignment.role])}${assignment.area ? ` (${assignment.area.name})` : ""}`,
                    )
                    .join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination pages={pages} pageInfo={data?.staffUsers.pageInfo} label="Staff" />
    </>
  );
}
