"use client";
import { useParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { ErrorSummary } from "../../../components/error-summary";
import { MoneyInput, TextInput } from "../../../components/form-fields";
import { Pagination, useCursorPages } from "../../../components/pagination";
import { useSession } from "../../../components/session";
import { SpendChart } from "../../../components/spend-chart";
import { Empty, LoadFailed, Loading } from "../../../components/states";
import { errorFor, errorsOf, type FieldError, networkErrorMessage } from "../../../lib/api-errors";
import { formatDate, formatDateTime } from "../../../lib/dates";
import { graphql } from "../../../lib/generated";
import { parsePounds } from "../../../lib/money";

const BudgetDocument = graphql(`
  query BudgetPage($id: ID!, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on Budget {
        name
        status
        scheme
        periodStart
        periodEnd
        area { id name }
        allocated { formatted }
        committed { formatted }
        spent { formatted }
        available { formatted }
        lapsed { formatted }
        ledgerEntries(first: 20, after: $after) {
          edges { node { kind note createdAt amount { formatted } } }
          pageInfo { hasNextPage endCursor }
        }
        chart: ledgerEntries(first: 500) { edges { node { kind createdAt amount { pence } } } }
      }
    }
  }
`);

const AllocateDocument = graphql(`
  mutation Allocate($budgetId: ID!, $amount: Pence!, $note: String) {
    allocateToBudget(budgetId: $budgetId, amount: $amount, note: $note) {
      __typename
      ... on MutationAllocateToBudgetSuccess { data { id allocated { formatted } available { formatted } } }
      ... on DomainError { code field message }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const kindWords: Record<string, string> = {
  ALLOCATION: "Allocation",
  COMMITMENT: "Committed on approval",
  RELEASE: "Commitment released",
  SPEND: "Spent",
  RETURN: "Cash returned",
  LAPSE: "Lapsed at period end",
};

function AllocateForm({ budgetId }: { budgetId: string }) {
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [{ fetching }, allocate] = useMutation(AllocateDocument);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const pence = parsePounds(amount);
    if (pence === null) return setErrors([{ field: "amount", message: "Enter the amount in pounds, like 2500" }]);
    const result = await allocate({ budgetId, amount: pence, note: note.trim() || null });
    const outcome = result.data?.allocateToBudget;
    if (outcome?.__typename === "MutationAllocateToBudgetSuccess") {
      setErrors([]);
      setAmount("");
      setNote("");
      return;
    }
    setErrors(outcome ? errorsOf(outcome) : networkErrorMessage(result.error));
  }
  return (
    <section className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m">Allocate money</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <MoneyInput
          name="amount"
          label="Amount"
          value={amount}
          onChange={setAmount}
          error={errorFor(errors, "amount")}
        />
        <TextInput
          name="note"
          label="Note (optional)"
          value={note}
          onChange={setNote}
          error={errorFor(errors, "note")}
        />
        <button type="submit" className="govuk-button" disabled={fetching}>
          Allocate
        </button>
      </form>
    </section>
  );
}

export default function BudgetPage() {
  const { id } = useParams<{ id: string }>();
  const budgetId = decodeURIComponent(id);
  const { hasRole } = useSession();
  const pages = useCursorPages();
  const [{ data, fetching, error }] = useQuery({
    query: BudgetDocument,
    variables: { id: budgetId, after: pages.after },
  });
  if (error && !data) return <LoadFailed />;
  if (fetching && !data) return <Loading what="the budget" />;
  const budget = data?.node?.__typename === "Budget" ? data.node : null;
  if (!budget) return <p className="govuk-body">This budget does not exist, or your role does not let you see it.</p>;
  const figures = [
    ["Allocated", budget.allocated.formatted],
    ["Committed", budget.committed.formatted],
    ["Spent", budget.spent.formatted],
    ["Available", budget.available.formatted],
  ];
  return (
    <>
      <span className="govuk-caption-l">
        {budget.area?.name ?? "Whole authority"} · {formatDate(budget.periodStart)} to {formatDate(budget.periodEnd)}
      </span>
      <h1 className="govuk-heading-l">{budget.name}</h1>
      <dl className="app-figures">
        {figures.map(([name, value]) => (
          <div key={name}>
            <dt className="govuk-body govuk-!-margin-bottom-1">{name}</dt>
            <dd className="app-figure govuk-!-margin-left-0">{value}</dd>
          </div>
        ))}
      </dl>
      {budget.chart.edges.length > 0 ? (
        <SpendChart
          entries={budget.chart.edges.map((edge) => edge.node)}
          periodStart={budget.periodStart}
          periodEnd={budget.periodEnd}
        />
      ) : (
        <p className="govuk-body">The month-by-month ledger is shown to budget managers and finance.</p>
      )}
      {hasRole("BUDGET_MANAGER") && budget.status === "OPEN" && <AllocateForm budgetId={budget.id} />}
      <h2 className="govuk-heading-m">Ledger</h2>
      {budget.ledgerEntries.edges.length === 0 ? (
        <Empty>No ledger entries you may see.</Empty>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Ledger entries, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {budget.ledgerEntries.edges.map(({ node }, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: ledger entries have no id in the API
              <tr className="govuk-table__row" key={index}>
                <td className="govuk-table__cell">{formatDateTime(node.createdAt)}</td>
                <td className="govuk-table__cell">
                  {kindWords[node.kind] ?? node.kind}
                  {node.note ? `: ${node.note}` : ""}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{node.amount.formatted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination pages={pages} pageInfo={budget.ledgerEntries.pageInfo} label="Ledger" />
    </>
  );
}
