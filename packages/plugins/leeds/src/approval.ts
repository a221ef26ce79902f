import type { ApprovalChain, RequestUnderReview } from "@pathfinder/core";
import { IPC } from "./roles.ts";

/**
 * "The Professional will contact the IPC in their wedge area": one step, the IPC of the case's
 * wedge, whatever the amount (the guidance sets no limits). When that IPC is on leave, the
 * colleague covering them decides as cover, and the decision records both names.
 */
export async function leedsApprovalChain({ case: theCase }: RequestUnderReview): Promise<ApprovalChain> {
  return { kind: "steps", steps: [{ role: "APPROVER", areaId: theCase.areaId, label: IPC }] };
}
