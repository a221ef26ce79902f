import { DecisionOutcome, EcmOutcome, PurchaseRoute, PurchaseStatus, StepStatus } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";

export const EcmOutcomeEnum = builder.enumType(EcmOutcome, {
  name: "EcmOutcome",
  values: {
    BE_HEALTHY: { description: "Be healthy." },
    STAY_SAFE: { description: "Stay safe." },
    ENJOY_AND_ACHIEVE: { description: "Enjoy and achieve." },
    MAKE_A_POSITIVE_CONTRIBUTION: { description: "Make a positive contribution." },
    ACHIEVE_ECONOMIC_WELLBEING: { description: "Achieve economic well-being." },
  },
  description: "The five Every Child Matters outcomes.",
});
export const PurchaseRouteEnum = builder.enumType(PurchaseRoute, {
  name: "PurchaseRoute",
  values: {
    SUPPLIER_ORDER: { description: "The authority orders from a supplier (Leeds' Route A)." },
    CASH: { description: "Cash or card to the lead professional, who brings back receipts and change (Route B)." },
  },
  description: "How the money reaches the need: an order from a supplier, or cash to the lead professional.",
});
export const PurchaseStatusEnum = builder.enumType(PurchaseStatus, {
  name: "PurchaseStatus",
  values: {
    DRAFT: { description: "Being written; not yet submitted." },
    AWAITING_DECISION: { description: "Submitted: waiting on its current approval step." },
    RETURNED: { description: "Sent back for changes; can be edited and submitted again." },
    APPROVED: { description: "Approved: the money is committed from the budget." },
    REJECTED: { description: "Refused." },
    WITHDRAWN: { description: "Withdrawn by the requester; any committed money went back." },
    FULFILLED: { description: "Ordered, or cash issued: the money is spent." },
    RECONCILED: { description: "Receipts (and any change) are in; the money side is closed." },
    CLOSED: { description: "The outcome review is recorded." },
  },
  description: "Where a purchase request is in its life: drafted, decided, fulfilled, reconciled, reviewed.",
});
export const StepStatusEnum = builder.enumType(StepStatus, {
  name: "ApprovalStepStatus",
  values: {
    WAITING: { description: "A later step: its turn has not come." },
    PENDING: { description: "The step whose decision the request is waiting for now." },
    APPROVED: { description: "Approved at this step." },
    REJECTED: { description: "Rejected at this step." },
    RETURNED: { description: "Returned for changes at this step." },
    CANCELLED: { description: "Not needed any more: the request was withdrawn, rejected or returned earlier." },
  },
  description: "Where one approval step is: waiting its turn, pending now, or decided.",
});
export const DecisionOutcomeEnum = builder.enumType(DecisionOutcome, {
  name: "DecisionOutcome",
  values: {
    APPROVED: { description: "Approved." },
    REJECTED: { description: "Rejected." },
    RETURNED: { description: "Returned for changes." },
  },
  description: "What an approver decided.",
});
export const DecisionChoiceEnum = builder.enumType("DecisionChoice", {
  description: "What an approver decides at the current step.",
  values: {
    APPROVE: { value: "APPROVED", description: "Approve this step; the last approval commits the money." },
    REJECT: { value: "REJECTED", description: "Refuse the request; it ends here." },
    RETURN_FOR_CHANGES: { value: "RETURNED", description: "Send it back to the requester to change and submit again." },
  } as const,
});
