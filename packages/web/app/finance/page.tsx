"use client";
import { useQuery } from "urql";
import { Pagination, useCursorPages } from "../../components/pagination";
import { RequestTable } from "../../components/request-table";
import { Empty, LoadFailed, Loading } from "../../components/states";
import { graphql } from "../../lib/generated";
import type { PurchaseStatus } from "../../lib/generated/graphql";

const FinanceQueueDocument = graphql(`
  query FinanceQueue($status: [PurchaseStatus!], $after: String) {
    purchaseRequests(first: 20, after: $after, status: $status) {
      edges { node { ...RequestSummary } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

function Queue({ title, status, empty }: { title: string; status: PurchaseStatus[]; empty: string }) {
  const pages = useCursorPages();
  const [{ data, fetching, error }] = useQuery({
    query: FinanceQueueDocument,
    variables: { status, after: pages.after },
  });
  const requests = data?.purchaseRequests.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m">{title}</h2>
      {error && !data ? (
        <LoadFailed />
      ) : fetching && !data ? (
        <Loading what={title.toLowerCase()} />
      ) : requests.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <RequestTable requests={requests} caption={title} />
      )}
      <Pagination pages={pages} pageInfo={data?.purchaseRequests.pageInfo} label={title} />
    </section>
  );
}

/** Finance's work: approved requests to order or pay out, and fulfilled ones to reconcile. */
export default function FinancePage() {
  return (
    <>
      <h1 className="govuk-heading-l">Orders and cash</h1>
      <Queue title="Orders to place and cash to issue" status={["APPROVED"]} empty="No approved request is waiting." />
      <Queue title="Receipts in: to reconcile" status={["FULFILLED"]} empty="Nothing is waiting to be reconciled." />
    </>
  );
}
