"use client";
import Link from "next/link";
import { useQuery } from "urql";
import { Pagination, useCursorPages } from "../../components/pagination";
import { Empty, LoadFailed, Loading } from "../../components/states";
import { formatDate } from "../../lib/dates";
import { graphql } from "../../lib/generated";

const BudgetsDocument = graphql(`
  query Budgets($after: String) {
    budgets(first: 20, after: $after) {
      edges {
        node {
          id
          name
          status
          periodStart
          periodEnd
          area { id name }
          allocated { formatted }
          committed { formatted }
          spent { formatted }
          available { formatted }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export default function BudgetsPage() {
  const pages = useCursorPages();
  const [{ data, fetching, error }] = useQuery({ query: BudgetsDocument, variables: { after: pages.after } });
  const budgets = data?.budgets.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1 className="govuk-heading-l">Budgets</h1>
      <p className="govuk-body">
        Available is what is left to promise: allocated, less what approved requests have committed and what has been
        spent.
      </p>
      {error && !data ? (
        <LoadFailed />
      ) : fetching && !data ? (
        <Loading what="budgets" />
      ) : budgets.length === 0 ? (
        <Empty>No budgets you may see.</Empty>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Budgets</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Budget
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Allocated
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Committed
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Spent
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Available
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {budgets.map((budget) => (
              <tr className="govuk-table__row" key={budget.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`/budgets/${encodeURIComponent(budget.id)}`}>
                    {budget.name}
                  </Link>
                  <br />
                  <span className="govuk-body-s">
                    {budget.area?.name ?? "Whole authority"} · {formatDate(budget.periodStart)} to{" "}
                    {formatDate(budget.periodEnd)}
                    {budget.status === "CLOSED" ? " · closed" : ""}
                  </span>
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{budget.allocated.formatted}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{budget.committed.formatted}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{budget.spent.formatted}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  <strong>{budget.available.formatted}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination pages={pages} pageInfo={data?.budgets.pageInfo} label="Budgets" />
    </>
  );
}
