"use client";
import Link from "next/link";
import { useState } from "react";
import { useQuery } from "urql";
import { Pagination, useCursorPages } from "../../components/pagination";
import { useSession } from "../../components/session";
import { Empty, LoadFailed, Loading } from "../../components/states";
import { formatDate } from "../../lib/dates";
import { graphql } from "../../lib/generated";
import type { CaseStatus } from "../../lib/generated/graphql";

const CasesDocument = graphql(`
  query Cases($after: String, $search: String, $status: CaseStatus) {
    cases(first: 20, after: $after, search: $search, status: $status) {
      edges {
        node {
          id
          reference
          status
          openedAt
          area { id name }
          leadProfessional { id name }
          children { id givenName familyName ageInYears }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export default function CasesPage() {
  const { hasRole } = useSession();
  const pages = useCursorPages();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<CaseStatus | "">("OPEN");
  const [{ data, fetching, error }] = useQuery({
    query: CasesDocument,
    variables: { after: pages.after, search: search.trim() || null, status: status || null },
  });
  const cases = data?.cases.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <h1 className="govuk-heading-l">{hasRole("LEAD_PROFESSIONAL") ? "Your cases" : "Cases"}</h1>
      {hasRole("LEAD_PROFESSIONAL") && (
        <Link href="/cases/new" className="govuk-button">
          Open a case
        </Link>
      )}
      <form className="app-actions" aria-label="Find a case" onSubmit={(event) => event.preventDefault()}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="case-search">
            Child's name
          </label>
          <input
            id="case-search"
            className="govuk-input govuk-input--width-20"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              pages.reset();
            }}
          />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="case-status">
            Status
          </label>
          <select
            id="case-status"
            className="govuk-select"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as CaseStatus | "");
              pages.reset();
            }}
          >
            <option value="OPEN">Open</option>
            <option value="CLOSED">Closed</option>
            <option value="">Any</option>
          </select>
        </div>
      </form>
      {error && !data ? (
        <LoadFailed />
      ) : fetching && !data ? (
        <Loading what="cases" />
      ) : cases.length === 0 ? (
        <Empty>No cases match.</Empty>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Cases</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Case
              </th>
              <th scope="col" className="govuk-table__header">
                Children
              </th>
              <th scope="col" className="govuk-table__header">
                Area
              </th>
              <th scope="col" className="govuk-table__header">
                Lead professional
              </th>
              <th scope="col" className="govuk-table__header">
                Opened
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {cases.map((theCase) => (
              <tr className="govuk-table__row" key={theCase.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`/cases/${encodeURIComponent(theCase.id)}`}>
                    {theCase.reference}
                  </Link>
                  {theCase.status === "CLOSED" && (
                    <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Closed</strong>
                  )}
                </td>
                <td className="govuk-table__cell">
                  {theCase.children
                    .map((child) => `${child.givenName} ${child.familyName} (${child.ageInYears})`)
                    .join(", ")}
                </td>
                <td className="govuk-table__cell">{theCase.area.name}</td>
                <td className="govuk-table__cell">{theCase.leadProfessional?.name ?? "None"}</td>
                <td className="govuk-table__cell">{formatDate(theCase.openedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination pages={pages} pageInfo={data?.cases.pageInfo} label="Cases" />
    </>
  );
}
