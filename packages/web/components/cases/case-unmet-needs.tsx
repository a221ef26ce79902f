"use client";
import Link from "next/link";
import { useQuery } from "urql";
import { formatDate } from "../../lib/dates";
import { graphql } from "../../lib/generated";
import { formatPence } from "../../lib/money";
import { categoryWords } from "../../lib/purchase-words";
import { Pagination, useCursorPages } from "../pagination";
import { Empty, LoadFailed, Loading } from "../states";

const CaseUnmetNeedsDocument = graphql(`
  query CaseUnmetNeeds($id: ID!, $after: String) {
    case(id: $id) {
      id
      unmetNeeds(first: 20, after: $after) {
        edges { node { id category description estimatedCost recordedAt } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** Needs the fund could not meet on this case, newest first, twenty a page. */
export function CaseUnmetNeeds({ caseId, recordHref }: { caseId: string; recordHref: string | null }) {
  const pages = useCursorPages();
  const [{ data, fetching, error }] = useQuery({
    query: CaseUnmetNeedsDocument,
    variables: { id: caseId, after: pages.after },
  });
  const needs = data?.case?.unmetNeeds.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h2 className="govuk-heading-m">Unmet needs</h2>
      {error && !data ? (
        <LoadFailed />
      ) : fetching && !data ? (
        <Loading what="the unmet needs" />
      ) : needs.length === 0 ? (
        <Empty>No unmet needs recorded.</Empty>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Needs the fund could not meet</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Recorded
              </th>
              <th scope="col" className="govuk-table__header">
                Kind of help
              </th>
              <th scope="col" className="govuk-table__header">
                Need
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Estimated cost
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {needs.map((need) => (
              <tr className="govuk-table__row" key={need.id}>
                <td className="govuk-table__cell">{formatDate(need.recordedAt)}</td>
                <td className="govuk-table__cell">{categoryWords[need.category]}</td>
                <td className="govuk-table__cell">{need.description}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {need.estimatedCost == null ? "Not known" : formatPence(need.estimatedCost)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination pages={pages} pageInfo={data?.case?.unmetNeeds.pageInfo} label="Unmet needs" />
      {recordHref && (
        <p className="govuk-body">
          <Link className="govuk-link" href={recordHref}>
            Record an unmet need
          </Link>
        </p>
      )}
    </>
  );
}
