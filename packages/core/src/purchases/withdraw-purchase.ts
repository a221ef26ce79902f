import { recordAudit } from "../audit/audit-log.ts";
import { postToLedger } from "../budgets/budget-ledger.ts";
import type { Transaction } from "../db/transaction.ts";
import type { Pence } from "../domain/money.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { lockAndLoadRequest } from "./load-for-review.ts";
import { moveStatus } from "./purchase-status.ts";

/** Withdraws a request before it is fulfilled; an approved request's commitment is released. */
export async function withdrawPurchase(tx: Transaction, viewer: Viewer, id: string, reason: string) {
  const request = await lockAndLoadRequest(tx, id);
  await moveStatus(tx, viewer, request, "WITHDRAWN", "withdrawn", reason);
  if (request.status === "APPROVED") {
    await postToLedger(tx, viewer, {
      budgetId: request.budgetId,
      kind: "RELEASE",
      amount: request.total as Pence,
      purchaseRequestId: id,
      note: `Withdrawn ${request.reference}`,
    });
  }
  await tx.approvalStep.updateMany({
    where: { purchaseRequestId: id, status: { in: ["PENDING", "WAITING"] } },
    data: { status: "CANCELLED" },
  });
  await recordAudit(tx, viewer, {
    action: "purchase.withdraw",
    entityType: "PurchaseRequest",
    entityId: id,
    caseId: request.caseId,
    summary: `Withdrew ${request.reference}: ${reason}`,
  });
}
