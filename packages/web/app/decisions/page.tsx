"use client";
import Link from "next/link";
import { useState } from "react";
import { useQuery } from "urql";
import { CoverNotice } from "../../components/cover-notice";
import { Pagination, useCursorPages } from "../../components/pagination";
import { useSession } from "../../components/session";
import { Empty, LoadFailed, Loading } from "../../components/states";
import { formatDate } from "../../lib/dates";
import { graphql } from "../../lib/generated";
import { formatPence } from "../../lib/money";

const DecisionQueueDocument = graphql(`
  query DecisionQueue($after: String, $budgetId: ID) {
    purchaseRequests(first: 20, after: $after, awaitingMyDecision: true, budgetId: $budgetId) {
      edges {
        node {
          id
          reference
          route
          submittedAt
          total { pence formatted }
          requester { id name }
          currentStep { label round }
          budget { id name available { pence formatted } }
          case {
            id
            reference
            area { id name }
            children { id givenName familyName ageInYears }
            latestAssessment { id priorityNeeds }
          }
          items { description }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    budgets(first: 50, status: OPEN) { edges { node { id name } } }
  }
`);

/** Requests whose current step this person may decide, with the case and the budget's effect. */
export default function DecisionsPage() {
  const { label, hasRole } = useSession();
  const pages = useCursorPages();
  const [budgetId, setBudgetId] = useState("");
  const [{ data, fetching, error }] = useQuery({
    query: DecisionQueueDocument,
    variables: { after: pages.after, budgetId: budgetId || null },
  });
  const requests = data?.purchaseRequests.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <span className="govuk-caption-l">{label("APPROVER", "Approver")}</span>
      <h1 className="govuk-heading-l">Requests awaiting your decision</h1>
      {hasRole("APPROVER") && <CoverNotice />}
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="queue-budget">
          Budget
        </label>
        <select
          id="queue-budget"
          className="govuk-select"
          value={budgetId}
          onChange={(event) => {
            setBudgetId(event.target.value);
            pages.reset();
          }}
        >
          <option value="">All budgets</option>
          {(data?.budgets.edges ?? []).map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </select>
      </div>
      {error && !data ? (
        <LoadFailed />
      ) : fetching && !data ? (
        <Loading what="your queue" />
      ) : requests.length === 0 ? (
        <Empty>Nothing is waiting for your decision.</Empty>
      ) : (
        requests.map((request) => {
          const after = request.budget.available.pence - request.total.pence;
          return (
            <div className="govuk-summary-card" key={request.id}>
              <div className="govuk-summary-card__title-wrapper">
                <h2 className="govuk-summary-card__title">
                  {request.reference}: {request.total.formatted}
                  {request.case ? ` for ${request.case.children.map((child) => child.givenName).join(" and ")}` : ""}
                </h2>
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <Link className="govuk-link" href={`/requests/${encodeURIComponent(request.id)}`}>
                      Decide<span className="govuk-visually-hidden"> on {request.reference}</span>
                    </Link>
                  </li>
                </ul>
              </div>
              <div className="govuk-summary-card__content">
                <dl className="govuk-summary-list">
                  {request.case && (
                    <div className="govuk-summary-list__row">
                      <dt className="govuk-summary-list__key">Case</dt>
                      <dd className="govuk-summary-list__value">
                        {request.case.reference} · {request.case.area.name} ·{" "}
                        {request.case.children
                          .map((child) => `${child.givenName} ${child.familyName} (${child.ageInYears})`)
                          .join(", ")}
                        {request.case.latestAssessment && (
                          <>
                            <br />
                            Priority needs: {request.case.latestAssessment.priorityNeeds.join("; ")}
                          </>
                        )}
                      </dd>
                    </div>
                  )}
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">For</dt>
                    <dd className="govuk-summary-list__value">
                      {request.items.map((item) => item.description).join("; ")}
                    </dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Asked by</dt>
                    <dd className="govuk-summary-list__value">
                      {request.requester.name}, {formatDate(request.submittedAt)}
                      {request.currentStep && request.currentStep.round > 1
                        ? ` (round ${request.currentStep.round})`
                        : ""}
                    </dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Budget effect</dt>
                    <dd className="govuk-summary-list__value">
                      {request.budget.name}: {request.budget.available.formatted} available;{" "}
                      {after >= 0 ? `${formatPence(after)} left if approved` : `${formatPence(-after)} short`}
                    </dd>
                  </div>
                </dl>
              </div>
            </div>
          );
        })
      )}
      <Pagination pages={pages} pageInfo={data?.purchaseRequests.pageInfo} label="Requests" />
    </>
  );
}
