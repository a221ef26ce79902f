import type { ApprovalChain, RequestUnderReview } from "@pathfinder/core";

export const LOCALITY_COORDINATOR = "Locality co-ordinator";
export const ANY_LOCALITY_COORDINATOR = "Locality co-ordinator (any locality)";

/**
 * "Locality co-ordinators will hold the budget and have decision-making responsibilities (in
 * localities where co-ordinators have not yet been appointed, co-ordinators in other areas can
 * advise and agree local grants)". One step: the case's locality's co-ordinator; where that
 * locality has none (other than the requester, who may never decide their own request), any
 * co-ordinator in the authority.
 */
export async function dorsetApprovalChain({
  case: theCase,
  request,
  requester,
  tx,
}: RequestUnderReview): Promise<ApprovalChain> {
  const coordinators = await tx.roleAssignment.count({
    where: {
      authorityId: request.authorityId,
      role: "APPROVER",
      areaId: theCase.areaId,
      staffUserId: { not: requester.id },
      staffUser: { is: { active: true } },
    },
  });
  if (coordinators > 0)
    return { kind: "steps", steps: [{ role: "APPROVER", areaId: theCase.areaId, label: LOCALITY_COORDINATOR }] };
  return { kind: "steps", steps: [{ role: "APPROVER", areaId: null, label: ANY_LOCALITY_COORDINATOR }] };
}
