import { DecisionOutcome, EcmOutcome, PurchaseRoute, PurchaseStatus, StepStatus } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";

export const EcmOutcomeEnum = builder.enumType(EcmOutcome, {
  name: "EcmOutcome",
  description: "The five Every Child Matters outcomes.",
});
export const PurchaseRouteEnum = builder.enumType(PurchaseRoute, {
  name: "PurchaseRoute",
  description: "How the money reaches the need: an order from a supplier, or cash to the lead professional.",
});
export const PurchaseStatusEnum = builder.enumType(PurchaseStatus, { name: "PurchaseStatus" });
export const StepStatusEnum = builder.enumType(StepStatus, { name: "ApprovalStepStatus" });
export const DecisionOutcomeEnum = builder.enumType(DecisionOutcome, { name: "DecisionOutcome" });
export const DecisionChoiceEnum = builder.enumType("DecisionChoice", {
  values: {
    APPROVE: { value: "APPROVED" },
    REJECT: { value: "REJECTED" },
    RETURN_FOR_CHANGES: { value: "RETURNED" },
  } as const,
});
