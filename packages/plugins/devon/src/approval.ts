import { type ApprovalChain, formatPence, type Pence, type RequestUnderReview } from "@pathfinder/core";
import type { DevonSettings } from "./settings.ts";

export const PATHWAY_COORDINATOR = "Pathway co-ordinator";

/** Access points, not thresholds of need: who may release the money depends only on the amount. */
export function devonApprovalChain(
  settings: DevonSettings,
  { request, case: theCase }: RequestUnderReview,
): ApprovalChain {
  if (request.total <= settings.selfSignOffLimit)
    return {
      kind: "self-sign-off",
      reason: `Up to ${formatPence(settings.selfSignOffLimit as Pence)} the lead professional signs off at once`,
    };
  if (request.total <= settings.coordinatorLimit)
    return { kind: "steps", steps: [{ role: "APPROVER", areaId: theCase.areaId, label: PATHWAY_COORDINATOR }] };
  return {
    kind: "refused",
    reason: `Devon's pathfinder funds up to ${formatPence(settings.coordinatorLimit as Pence)} a request; ${formatPence(request.total)} is over that.`,
  };
}
