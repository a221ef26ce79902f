import { postToLedger } from "../budgets/budget-ledger.ts";
import type { Transaction } from "../db/transaction.ts";
import type { Pence } from "../domain/money.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { SchemeRules } from "../schemes/scheme-rules.ts";
import type { LoadedRequest } from "./load-for-review.ts";
import { moveStatus } from "./purchase-status.ts";

/**
 * The final approval: commits the money and marks the request approved in one transaction.
 * If the budget cannot cover it, the ledger refuses, the transaction rolls back, and the
 * request stays undecided.
 */
export async function commitApproval(
  tx: Transaction,
  viewer: Viewer,
  request: LoadedRequest,
  rules: SchemeRules,
  note: string,
) {
  await postToLedger(tx, viewer, {
    budgetId: request.budgetId,
    kind: "COMMITMENT",
    amount: request.total as Pence,
    purchaseRequestId: request.id,
    note: `Approved ${request.reference}`,
  });
  const approvedOn = new Date();
  await moveStatus(tx, viewer, request, "APPROVED", "approved", note, {
    reviewDueOn: rules.reviewDueOn({ total: request.total as Pence, approvedOn }),
  });
}
