import { recordAudit } from "../audit/audit-log.ts";
import { postToLedger } from "../budgets/budget-ledger.ts";
import type { Transaction } from "../db/transaction.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { addDays } from "../schemes/core-scheme.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";
import { lockAndLoadRequest } from "./load-for-review.ts";
import { moveStatus, WrongStatusError } from "./purchase-status.ts";

export interface FulfilmentInput {
  orderReference?: string | null;
  cashIssued?: number | null;
  cashSignedForBy?: string | null;
}

/**
 * Records that the money went out: an order placed with the supplier (the commitment stays
 * until the invoice is in), or cash issued and signed for (spent now, and any part of the
 * approval not issued is released). Cash starts the clock for receipts.
 */
export async function fulfilPurchase(
  tx: Transaction,
  viewer: Viewer,
  schemes: SchemeRegistry,
  id: string,
  input: FulfilmentInput,
) {
  const request = await lockAndLoadRequest(tx, id);
  if (request.status !== "APPROVED") throw new WrongStatusError("fulfilled", request.status);
  const audit = { action: "purchase.fulfil", entityType: "PurchaseRequest", entityId: id, caseId: request.caseId };
  const rules = await schemes.rulesFor(request.authorityId, request.budget.scheme, new Date());

  if (request.route === "SUPPLIER_ORDER") {
    const orderReference = input.orderReference?.trim();
    if (!orderReference) throw new DomainError("ORDER_REFERENCE_NEEDED", "Give the order reference.", "orderReference");
    await moveStatus(tx, viewer, request, "FULFILLED", "fulfilled", `Ordered: ${orderReference}`, { orderReference });
    await rules.onFulfilment?.({ tx, requestId: id, viewer });
    await recordAudit(tx, viewer, {
      ...audit,
      summary: `Ordered ${request.reference} from the supplier (order ${orderReference})`,
    });
    return;
  }

  const cash = input.cashIssued ?? 0;
  const signedBy = input.cashSignedForBy?.trim();
  if (!Number.isSafeInteger(cash) || cash <= 0)
    throw new DomainError("CASH_AMOUNT_NEEDED", "Give the cash issued, in pence, above £0.00.", "cashIssued");
  if (cash > request.total)
    throw new DomainError(
      "CASH_OVER_APPROVED",
      `Only ${formatPence(request.total as Pence)} was approved; ${formatPence(cash as Pence)} cannot be issued.`,
      "cashIssued",
    );
  if (!signedBy) throw new DomainError("SIGNATURE_NEEDED", "Say who signed for the cash.", "cashSignedForBy");

  const note = `Cash for ${request.reference}, signed for by ${signedBy}`;
  await postToLedger(tx, viewer, {
    budgetId: request.budgetId,
    kind: "SPEND",
    amount: cash as Pence,
    purchaseRequestId: id,
    note,
  });
  if (cash < request.total) {
    const unissued = (request.total - cash) as Pence;
    await postToLedger(tx, viewer, {
      budgetId: request.budgetId,
      kind: "RELEASE",
      amount: unissued,
      purchaseRequestId: id,
      note: `Not issued for ${request.reference}`,
    });
  }
  const receiptsDueOn = addDays(new Date(), rules.receiptsDueInDays);
  await moveStatus(tx, viewer, request, "FULFILLED", "fulfilled", note, {
    cashIssued: cash,
    cashSignedForBy: signedBy,
    receiptsDueOn,
  });
  await rules.onFulfilment?.({ tx, requestId: id, viewer });
  await recordAudit(tx, viewer, {
    ...audit,
    summary: `Issued ${formatPence(cash as Pence)} cash for ${request.reference}, signed for by ${signedBy}`,
  });
}

/** Loads a fulfilled request for receipts, returned cash or reconciliation. */
export async function loadFulfilled(tx: Transaction, id: string, action: string) {
  const request = await lockAndLoadRequest(tx, id);
  if (request.status !== "FULFILLED") throw new WrongStatusError(action, request.status);
  return request;
}
