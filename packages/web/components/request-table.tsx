import Link from "next/link";
import { formatDate } from "../lib/dates";
import { graphql } from "../lib/generated";
import type { RequestSummaryFragment } from "../lib/generated/graphql";
import { StatusTag } from "./status-tag";

export const RequestSummary = graphql(`
  fragment RequestSummary on PurchaseRequest {
    id
    reference
    status
    route
    total { pence formatted }
    submittedAt
    createdAt
    receiptsDueOn
    reviewDueOn
    budget { id name scheme }
    case { id reference children { id givenName familyName } }
    currentStep { label round position }
  }
`);

export function RequestTable({ requests, caption }: { requests: readonly RequestSummaryFragment[]; caption: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Request
          </th>
          <th scope="col" className="govuk-table__header">
            Case
          </th>
          <th scope="col" className="govuk-table__header">
            Budget
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Amount
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {requests.map((request) => (
          <tr className="govuk-table__row" key={request.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" href={`/requests/${encodeURIComponent(request.id)}`}>
                {request.reference}
              </Link>
              <br />
              <span className="govuk-body-s">{formatDate(request.submittedAt ?? request.createdAt)}</span>
            </td>
            <td className="govuk-table__cell">
              {request.case ? (
                <>
                  {request.case.reference}
                  <br />
                  <span className="govuk-body-s">
                    {request.case.children.map((child) => `${child.givenName} ${child.familyName}`).join(", ")}
                  </span>
                </>
              ) : (
                "Not shown to your role"
              )}
            </td>
            <td className="govuk-table__cell">{request.budget.name}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{request.total.formatted}</td>
            <td className="govuk-table__cell">
              <StatusTag status={request.status} />
              {request.currentStep && (
                <div className="govuk-body-s govuk-!-margin-top-1">With: {request.currentStep.label}</div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
