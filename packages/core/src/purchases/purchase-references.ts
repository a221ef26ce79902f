import type { Transaction } from "../db/transaction.ts";

/**
 * The next human-readable reference for an authority ("PR-000123"). A transaction-scoped
 * advisory lock per authority serialises the numbering, so concurrent requests never collide.
 */
export async function nextPurchaseReference(tx: Transaction, authorityId: string): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('purchase-reference:' || ${authorityId}))`;
  const count = await tx.purchaseRequest.count({ where: { authorityId } });
  return `PR-${String(count + 1).padStart(6, "0")}`;
}
