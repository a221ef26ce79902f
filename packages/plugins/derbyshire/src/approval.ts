import type { ApprovalChain, RequestUnderReview } from "@pathfinder/core";

export const DECISION_ADVISOR = "Decision advisor";

/**
 * The lead practitioner and the family decide at the TAC meeting, "advised" by the area's
 * decision advisor, who releases the money: one step, in the case's pilot area. No limit per
 * purchase is stated, so every amount goes the same way, bounded only by the area's budget.
 */
export async function derbyshireApprovalChain({ case: theCase }: RequestUnderReview): Promise<ApprovalChain> {
  return { kind: "steps", steps: [{ role: "APPROVER", areaId: theCase.areaId, label: DECISION_ADVISOR }] };
}
