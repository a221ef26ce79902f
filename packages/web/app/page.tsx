"use client";
import Link from "next/link";
import { useQuery } from "urql";
import { RequestTable } from "../components/request-table";
import { useSession } from "../components/session";
import { Loading } from "../components/states";
import { graphql } from "../lib/generated";
import type { PurchaseStatus } from "../lib/generated/graphql";

const HomeRequestsDocument = graphql(`
  query HomeRequests(
    $status: [PurchaseStatus!]
    $awaitingMyDecision: Boolean
    $receiptsOverdue: Boolean
    $reviewOverdue: Boolean
  ) {
    purchaseRequests(
      first: 10
      status: $status
      awaitingMyDecision: $awaitingMyDecision
      receiptsOverdue: $receiptsOverdue
      reviewOverdue: $reviewOverdue
    ) {
      edges { node { ...RequestSummary } }
      pageInfo { hasNextPage }
    }
  }
`);

interface Section {
  title: string;
  empty: string;
  variables: {
    status?: PurchaseStatus[];
    awaitingMyDecision?: boolean;
    receiptsOverdue?: boolean;
    reviewOverdue?: boolean;
  };
  more?: string;
}

function NeedsYou({ section }: { section: Section }) {
  const [{ data, fetching }] = useQuery({ query: HomeRequestsDocument, variables: section.variables });
  const requests = data?.purchaseRequests.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby={`home-${section.title}`}>
      <h2 className="govuk-heading-m" id={`home-${section.title}`}>
        {section.title}
        {data && (
          <span className="govuk-caption-m">
            {requests.length === 0
              ? "Nothing now"
              : `${requests.length}${data.purchaseRequests.pageInfo.hasNextPage ? "+" : ""} waiting`}
          </span>
        )}
      </h2>
      {fetching && !data ? (
        <Loading what={section.title.toLowerCase()} />
      ) : requests.length === 0 ? (
        <p className="govuk-body">{section.empty}</p>
      ) : (
        <>
          <RequestTable requests={requests} caption={section.title} />
          {section.more && (
            <p className="govuk-body">
              <Link className="govuk-link" href={section.more}>
                See them all
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** What needs this person now, by the roles they hold. */
export default function HomePage() {
  const { me, hasRole, label } = useSession();
  if (!me) return null;
  const sections: Section[] = [];
  if (hasRole("APPROVER", "BUDGET_MANAGER"))
    sections.push({
      title: `Requests awaiting your decision`,
      empty: `No request is waiting for a ${label("APPROVER", "approver").toLowerCase()}'s decision from you.`,
      variables: { awaitingMyDecision: true },
      more: "/decisions",
    });
  if (hasRole("LEAD_PROFESSIONAL"))
    sections.push(
      {
        title: "Returned to you for changes",
        empty: "No request has been returned to you.",
        variables: { status: ["RETURNED"] },
      },
      { title: "Drafts to finish", empty: "You have no drafts.", variables: { status: ["DRAFT"] } },
      {
        title: "Receipts overdue",
        empty: "No receipts are overdue.",
        variables: { receiptsOverdue: true },
      },
      {
        title: "Outcome reviews due",
        empty: "No outcome review is overdue.",
        variables: { reviewOverdue: true },
      },
      {
        title: "Waiting for receipts or a review",
        empty: "Nothing is waiting for receipts or a review.",
        variables: { status: ["FULFILLED", "RECONCILED"] },
      },
    );
  if (hasRole("FINANCE_OFFICER"))
    sections.push(
      {
        title: "Orders to place and cash to issue",
        empty: "No approved request is waiting for an order or cash.",
        variables: { status: ["APPROVED"] },
        more: "/finance",
      },
      {
        title: "To reconcile",
        empty: "Nothing is waiting to be reconciled.",
        variables: { status: ["FULFILLED"] },
        more: "/finance",
      },
    );
  return (
    <>
      <span className="govuk-caption-l">{me.authority.name}</span>
      <h1 className="govuk-heading-l">Hello, {me.name}</h1>
      <p className="govuk-body-l">{me.jobTitle ? `${me.jobTitle}. ` : ""}Here is what needs you now.</p>
      {hasRole("LEAD_PROFESSIONAL") && (
        <p className="govuk-body">
          <Link className="govuk-link" href="/cases">
            Your cases
          </Link>
          {" · "}
          <Link className="govuk-link" href="/cases/new">
            Open a case
          </Link>
        </p>
      )}
      {sections.map((section) => (
        <NeedsYou key={section.title} section={section} />
      ))}
      {sections.length === 0 && (
        <p className="govuk-body">Nothing is waiting for you. Use the menu to find what you need.</p>
      )}
    </>
  );
}
