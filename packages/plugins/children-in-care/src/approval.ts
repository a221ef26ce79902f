import { type ApprovalChain, formatPence, type Pence, type RequestUnderReview } from "@pathfinder/core";
import { TEAM_MANAGER } from "./roles.ts";
import type { ChildrenInCareSettings } from "./settings.ts";

/**
 * The two levels of budget holding the green paper asks to pilot: the social worker's own
 * limited budget, then a larger level with the team manager's scrutiny; nothing above that.
 */
export function childrenInCareApprovalChain(
  settings: ChildrenInCareSettings,
  { request, case: theCase }: RequestUnderReview,
): ApprovalChain {
  const own = settings.selfSignOffLimitPence as Pence;
  const cap = settings.teamManagerLimitPence as Pence;
  if (request.total <= own)
    return { kind: "self-sign-off", reason: `Up to ${formatPence(own)} the social worker signs off at once` };
  if (request.total <= cap)
    return { kind: "steps", steps: [{ role: "APPROVER", areaId: theCase.areaId, label: TEAM_MANAGER }] };
  return {
    kind: "refused",
    reason: `The children-in-care budget funds up to ${formatPence(cap)} a request; ${formatPence(request.total)} is over that.`,
  };
}
