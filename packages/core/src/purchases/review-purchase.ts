import { recordAudit } from "../audit/audit-log.ts";
import type { Transaction } from "../db/transaction.ts";
import type { EcmOutcome } from "../generated/prisma/enums.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { lockAndLoadRequest } from "./load-for-review.ts";
import { moveStatus, WrongStatusError } from "./purchase-status.ts";

export interface ReviewInput {
  outcomeAchieved: string;
  ecmAchieved: EcmOutcome[];
  familyComments: string;
  otherNotes: string;
}

/** Records what difference the purchase made; this closes the request. */
export async function reviewPurchase(tx: Transaction, viewer: Viewer, id: string, input: ReviewInput) {
  const request = await lockAndLoadRequest(tx, id);
  if (request.status !== "RECONCILED") throw new WrongStatusError("reviewed", request.status);
  await tx.review.create({
    data: { authorityId: request.authorityId, purchaseRequestId: id, recordedById: viewer.id, ...input },
  });
  await moveStatus(tx, viewer, request, "CLOSED", "closed", "Outcome recorded");
  await recordAudit(tx, viewer, {
    action: "purchase.review",
    entityType: "PurchaseRequest",
    entityId: id,
    caseId: request.caseId,
    summary: `Recorded the outcome of ${request.reference}: ${input.outcomeAchieved}`,
  });
}
