import { recordAudit } from "../audit/audit-log.ts";
import { postToLedger } from "../budgets/budget-ledger.ts";
import type { Transaction } from "../db/transaction.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { loadFulfilled } from "./fulfil-purchase.ts";
import { accountedFor } from "./money-after-approval.ts";
import { moveStatus } from "./purchase-status.ts";

export interface ReceiptInput {
  amount: number;
  description: string;
  attachmentId: string | null;
}

/**
 * A receipt for cash spent, or the supplier's invoice for an order (which is when the
 * committed money is spent). Receipts can never add up to more than was issued or approved,
 * and the same receipt file cannot back two receipts.
 */
export async function recordReceipt(tx: Transaction, viewer: Viewer, id: string, input: ReceiptInput) {
  const request = await loadFulfilled(tx, id, "given receipts");
  const { receipts, returned } = await accountedFor(tx, id);
  const ceiling = request.route === "CASH" ? (request.cashIssued ?? 0) - returned : request.total;
  if (receipts + input.amount > ceiling) {
    const left = Math.max(0, ceiling - receipts) as Pence;
    throw new DomainError(
      "RECEIPTS_OVER_AMOUNT",
      `Receipts can add up to ${formatPence(left)} more at most; this one is ${formatPence(input.amount as Pence)}.`,
      "amount",
    );
  }
  if (
    input.attachmentId &&
    (await tx.receipt.count({ where: { authorityId: request.authorityId, attachmentId: input.attachmentId } })) > 0
  )
    throw new DomainError(
      "RECEIPT_ALREADY_USED",
      "This receipt file has already been recorded against a request.",
      "attachmentId",
    );

  await tx.receipt.create({
    data: {
      authorityId: request.authorityId,
      purchaseRequestId: id,
      amount: input.amount,
      description: input.description,
      attachmentId: input.attachmentId,
      recordedById: viewer.id,
    },
  });
  if (request.route === "SUPPLIER_ORDER")
    await postToLedger(tx, viewer, {
      budgetId: request.budgetId,
      kind: "SPEND",
      amount: input.amount as Pence,
      purchaseRequestId: id,
      note: `Invoice for ${request.reference}`,
    });
  await recordAudit(tx, viewer, {
    action: "purchase.receipt",
    entityType: "PurchaseRequest",
    entityId: id,
    caseId: request.caseId,
    summary: `Recorded a ${request.route === "CASH" ? "receipt" : "supplier invoice"} of ${formatPence(input.amount as Pence)} for ${request.reference}`,
  });
}

/** Unspent cash handed back: it returns to the budget. */
export async function returnUnspent(tx: Transaction, viewer: Viewer, id: string, amount: number) {
  const request = await loadFulfilled(tx, id, "given returned cash");
  if (request.route !== "CASH")
    throw new DomainError("NOT_CASH", "Only cash can be returned; this request was ordered from a supplier.");
  const { receipts, returned } = await accountedFor(tx, id);
  const outstanding = (request.cashIssued ?? 0) - receipts - returned;
  if (amount > outstanding)
    throw new DomainError(
      "RETURN_OVER_OUTSTANDING",
      `Only ${formatPence(outstanding as Pence)} of the cash is unaccounted for; ${formatPence(amount as Pence)} cannot be returned.`,
      "amount",
    );
  await postToLedger(tx, viewer, {
    budgetId: request.budgetId,
    kind: "RETURN",
    amount: amount as Pence,
    purchaseRequestId: id,
    note: `Change returned for ${request.reference}`,
  });
  await recordAudit(tx, viewer, {
    action: "purchase.return",
    entityType: "PurchaseRequest",
    entityId: id,
    caseId: request.caseId,
    summary: `${formatPence(amount as Pence)} of unspent cash returned for ${request.reference}`,
  });
}

/**
 * Closes the money side: for cash, every penny must be receipted or returned; for an order,
 * whatever the invoices did not use is released back to the budget.
 */
export async function reconcilePurchase(tx: Transaction, viewer: Viewer, id: string) {
  const request = await loadFulfilled(tx, id, "reconciled");
  const { receipts, returned } = await accountedFor(tx, id);
  if (request.route === "CASH") {
    const outstanding = (request.cashIssued ?? 0) - receipts - returned;
    if (outstanding > 0)
      throw new DomainError(
        "CASH_UNACCOUNTED",
        `${formatPence(outstanding as Pence)} of the cash has neither a receipt nor been returned.`,
      );
  } else {
    if (receipts === 0) throw new DomainError("NO_INVOICE", "Record the supplier's invoice before reconciling.");
    if (request.total > receipts)
      await postToLedger(tx, viewer, {
        budgetId: request.budgetId,
        kind: "RELEASE",
        amount: (request.total - receipts) as Pence,
        purchaseRequestId: id,
        note: `Under-spend on ${request.reference}`,
      });
  }
  await moveStatus(tx, viewer, request, "RECONCILED", "reconciled");
  await recordAudit(tx, viewer, {
    action: "purchase.reconcile",
    entityType: "PurchaseRequest",
    entityId: id,
    caseId: request.caseId,
    summary: `Reconciled ${request.reference}: ${formatPence(receipts as Pence)} receipted${returned ? `, ${formatPence(returned as Pence)} returned` : ""}`,
  });
}
