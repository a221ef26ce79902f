import Link from "next/link";
import { formatDate } from "../../lib/dates";
import type { PurchaseCategory } from "../../lib/generated/graphql";
import { formatPence } from "../../lib/money";
import { categoryWords } from "../../lib/purchase-words";
import { Empty } from "../states";

interface UnmetNeed {
  id: string;
  category: PurchaseCategory;
  description: string;
  estimatedCost?: number | null;
  recordedAt: string;
}

/** Needs the fund could not meet on this case, newest first. */
export function CaseUnmetNeeds({
  needs,
  more,
  recordHref,
}: {
  needs: readonly UnmetNeed[];
  more: boolean;
  recordHref: string | null;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Unmet needs</h2>
      {needs.length === 0 ? (
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
      {more && <p className="govuk-body-s">The latest 50 unmet needs are shown.</p>}
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
