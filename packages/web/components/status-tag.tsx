import type { PurchaseStatus } from "../lib/generated/graphql";

const words: Record<PurchaseStatus, [string, string]> = {
  DRAFT: ["Draft", "govuk-tag--grey"],
  AWAITING_DECISION: ["Awaiting decision", "govuk-tag--blue"],
  RETURNED: ["Returned for changes", "govuk-tag--orange"],
  APPROVED: ["Approved", "govuk-tag--green"],
  REJECTED: ["Rejected", "govuk-tag--red"],
  WITHDRAWN: ["Withdrawn", "govuk-tag--grey"],
  FULFILLED: ["Fulfilled", "govuk-tag--turquoise"],
  RECONCILED: ["Reconciled", "govuk-tag--purple"],
  CLOSED: ["Closed", "govuk-tag--grey"],
};

export const statusWords = (status: PurchaseStatus) => words[status][0];

export function StatusTag({ status }: { status: PurchaseStatus }) {
  const [text, colour] = words[status];
  return <strong className={`govuk-tag ${colour}`}>{text}</strong>;
}
