"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useQuery } from "urql";
import { RequestActions } from "../../../components/request-actions";
import { LoadFailed, Loading } from "../../../components/states";
import { StatusTag, statusWords } from "../../../components/status-tag";
import { formatDate, formatDateTime } from "../../../lib/dates";
import { graphql } from "../../../lib/generated";
import { categoryWords, ecmOutcomeWords } from "../../../lib/purchase-words";
import { readPath, schemePortal } from "../../../lib/scheme-portal";
import { describeFileSize } from "../../../lib/upload-attachment";

const RequestPageDocument = graphql(`
  query RequestPage($id: ID!) {
    node(id: $id) { __typename id ... on PurchaseRequest { ...RequestDetail } }
    schemes { id name enabled portal }
  }
`);

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export default function RequestPage() {
  const { id } = useParams<{ id: string }>();
  const [{ data, fetching, error }] = useQuery({
    query: RequestPageDocument,
    variables: { id: decodeURIComponent(id) },
  });
  if (error && !data) return <LoadFailed />;
  if (fetching && !data) return <Loading what="the request" />;
  const request = data?.node?.__typename === "PurchaseRequest" ? data.node : null;
  if (!request)
    return (
      <>
        <h1 className="govuk-heading-l">Request not found</h1>
        <p className="govuk-body">It does not exist, or your role does not let you see it.</p>
      </>
    );
  const scheme = data?.schemes.find((candidate) => candidate.id === request.budget.scheme);
  const portal = schemePortal(scheme?.portal);
  const word = (key: string, fallback: string) => portal.labels[key] ?? fallback;
  const extension = ((request.extensions as Record<string, Record<string, unknown>>)[request.budget.scheme] ??
    {}) as Record<string, unknown>;
  const schemeFields = portal.requestFormSections.flatMap((section) => section.fields);
  const childNames = request.case?.children.map((child) => `${child.givenName} ${child.familyName}`).join(" and ");

  return (
    <>
      <span className="govuk-caption-l">
        {word("purchaseRequest", "Purchase request")} {request.reference}
      </span>
      <h1 className="govuk-heading-l">
        {request.total.formatted} {childNames ? `for ${childNames}` : ""}
      </h1>
      <p className="govuk-body">
        <StatusTag status={request.status} />
        {request.currentStep && <span className="govuk-!-margin-left-2">Waiting for: {request.currentStep.label}</span>}
      </p>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <RequestActions request={request} />

          <h2 className="govuk-heading-m">The request</h2>
          <dl className="govuk-summary-list">
            {request.case && (
              <Row label="Case">
                <Link className="govuk-link" href={`/cases/${encodeURIComponent(request.case.id)}`}>
                  {request.case.reference}
                </Link>{" "}
                · {request.case.area.name} ·{" "}
                {request.case.children.map((child) => `${child.givenName} (${child.ageInYears})`).join(", ")}
              </Row>
            )}
            <Row label="Asked for by">{request.requester.name}</Row>
            <Row label="Budget">
              {request.budget.name} ({request.budget.available.formatted} available)
            </Row>
            <Row label="Route">{word(request.route, request.route === "CASH" ? "Cash" : "Order")}</Row>
            <Row label="What difference it should make">{request.intendedOutcomes || "Not given"}</Row>
            {request.ecmOutcomes.length > 0 && (
              <Row label="Outcomes">{request.ecmOutcomes.map((outcome) => ecmOutcomeWords[outcome]).join(", ")}</Row>
            )}
            <Row label="Why other funding cannot pay">{request.otherFundingExplanation || "Not given"}</Row>
            {request.matchedFunding.pence > 0 && (
              <Row label="The family puts in">{request.matchedFunding.formatted}</Row>
            )}
            {schemeFields.map((field) => {
              const value = readPath(extension, field.name);
              if (value === undefined || value === "" || value === null) return null;
              return (
                <Row key={field.name} label={field.label}>
                  {typeof value === "boolean"
                    ? value
                      ? "Yes"
                      : "No"
                    : Array.isArray(value)
                      ? value.join(", ")
                      : String(value)}
                </Row>
              );
            })}
            {request.orderReference && <Row label="Order reference">{request.orderReference}</Row>}
            {request.cashIssued && (
              <Row label="Cash issued">
                {request.cashIssued.formatted}
                {request.cashSignedForBy ? `, signed for by ${request.cashSignedForBy}` : ""}
              </Row>
            )}
            {request.receiptsDueOn && <Row label="Receipts due">{formatDate(request.receiptsDueOn)}</Row>}
            {request.reviewDueOn && <Row label="Review due">{formatDate(request.reviewDueOn)}</Row>}
          </dl>

          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Items</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Item
                </th>
                <th scope="col" className="govuk-table__header">
                  Supplier
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {request.items.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items are ordered and have no id
                <tr className="govuk-table__row" key={index}>
                  <td className="govuk-table__cell">
                    {item.description}
                    <br />
                    <span className="govuk-body-s">
                      {categoryWords[item.category]}
                      {item.quantity > 1 ? ` · ${item.quantity} × ${item.unitCost.formatted}` : ""}
                    </span>
                  </td>
                  <td className="govuk-table__cell">{item.supplier?.name ?? "Not chosen"}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{item.lineTotal.formatted}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="govuk-table__row">
                <th scope="row" className="govuk-table__header" colSpan={2}>
                  Total
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  <strong>{request.total.formatted}</strong>
                </td>
              </tr>
            </tfoot>
          </table>

          {request.receipts.length > 0 && (
            <>
              <h2 className="govuk-heading-m">Receipts</h2>
              <ul className="govuk-list">
                {request.receipts.map((receipt, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: receipts have no id
                  <li key={index}>
                    {receipt.amount.formatted}: {receipt.description || "No description"} (
                    {formatDate(receipt.createdAt)})
                    {receipt.attachment && (
                      <>
                        {". "}
                        <a className="govuk-link" href={receipt.attachment.downloadPath} download>
                          {receipt.attachment.filename}
                        </a>{" "}
                        ({describeFileSize(receipt.attachment.size)})
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}

          {request.review && (
            <>
              <h2 className="govuk-heading-m">Outcome review</h2>
              <dl className="govuk-summary-list">
                <Row label="What difference it made">{request.review.outcomeAchieved}</Row>
                {request.review.ecmAchieved.length > 0 && (
                  <Row label="Outcomes achieved">
                    {request.review.ecmAchieved.map((outcome) => ecmOutcomeWords[outcome]).join(", ")}
                  </Row>
                )}
                {request.review.familyComments && (
                  <Row label="The family's comments">{request.review.familyComments}</Row>
                )}
                <Row label="Recorded">{formatDate(request.review.recordedAt)}</Row>
              </dl>
            </>
          )}
        </div>

        <aside className="govuk-grid-column-one-third" aria-labelledby="history-heading">
          <div className="app-side-panel">
            <h2 className="govuk-heading-m" id="history-heading">
              History
            </h2>
            <ol className="app-timeline">
              {request.history.map((change, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: changes have no id
                <li key={index}>
                  <p className="govuk-body govuk-!-margin-bottom-0">
                    <strong>{statusWords(change.to)}</strong>
                  </p>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">
                    {formatDateTime(change.at)}
                    {change.actor ? ` · ${change.actor.name}` : ""}
                  </p>
                  {change.note && <p className="govuk-body-s govuk-!-margin-bottom-0">{change.note}</p>}
                </li>
              ))}
            </ol>
            {request.decisions.length > 0 && (
              <>
                <h3 className="govuk-heading-s">Decisions</h3>
                <ul className="govuk-list">
                  {request.decisions.map((decision, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: decisions have no id
                    <li key={index}>
                      <strong>{decision.outcome.charAt(0) + decision.outcome.slice(1).toLowerCase()}</strong> by{" "}
                      {decision.decider.name}
                      {decision.onBehalfOf ? ` for ${decision.onBehalfOf.name}` : ""}
                      {decision.note ? `: “${decision.note}”` : ""}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </aside>
      </div>
    </>
  );
}
