import type { Transaction } from "../db/transaction.ts";

/** What has come back for a request so far: receipts (or invoices) and returned cash. */
export async function accountedFor(tx: Transaction, purchaseRequestId: string) {
  const [receipts, returned] = await Promise.all([
    tx.receipt.aggregate({ _sum: { amount: true }, where: { purchaseRequestId } }),
    tx.ledgerEntry.aggregate({ _sum: { amount: true }, where: { purchaseRequestId, kind: "RETURN" } }),
  ]);
  return { receipts: receipts._sum.amount ?? 0, returned: returned._sum.amount ?? 0 };
}
