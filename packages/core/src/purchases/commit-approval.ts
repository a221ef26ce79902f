import { type LedgerPosting, ledgerInsert, ledgerRefusal } from "../budgets/budget-ledger.ts";
import type { Transaction } from "../db/transaction.ts";
import type { Pence } from "../domain/money.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { SchemeRules } from "../schemes/scheme-rules.ts";
import type { LoadedRequest } from "./load-for-review.ts";
import { moveStatus } from "./purchase-status.ts";

/**
 * The final approval: commits the money and marks the request approved in one statement (one
 * round trip for the ledger posting, the status and its history). If the budget cannot cover
 * it, the ledger refuses, and the request stays undecided.
 */
export async function commitApproval(
  tx: Transaction,
  viewer: Viewer,
  request: LoadedRequest,
  rules: SchemeRules,
  note: string,
) {
  const posting: LedgerPosting = {
    budgetId: request.budgetId,
    kind: "COMMITMENT",
    amount: request.total as Pence,
    purchaseRequestId: request.id,
    note: `Approved ${request.reference}`,
  };
  const approvedOn = new Date();
  const reviewDueOn = rules.reviewDueOn({ total: request.total as Pence, approvedOn });
  try {
    await moveStatus(tx, viewer, request, "APPROVED", "approved", note, { reviewDueOn }, [
      ledgerInsert(viewer, posting),
    ]);
  } catch (error) {
    throw ledgerRefusal(error, posting) ?? error;
  }
}
