import type { Database } from "../../../src/db/prisma-client.ts";

/**
 * Recomputes a budget's balances from its ledger alone and compares them with the totals on
 * the budget row: they must always agree.
 */
export async function ledgerAgreesWithBudget(db: Database, budgetId: string) {
  const [row] = await db.$queryRaw<{ allocated: number; committed: number; spent: number; lapsed: number }[]>`
    SELECT
      COALESCE(SUM(amount) FILTER (WHERE kind = 'ALLOCATION'), 0)::int AS allocated,
      COALESCE(SUM(CASE kind WHEN 'COMMITMENT' THEN amount WHEN 'RELEASE' THEN -amount WHEN 'SPEND' THEN -amount END), 0)::int AS committed,
      COALESCE(SUM(CASE kind WHEN 'SPEND' THEN amount WHEN 'RETURN' THEN -amount END), 0)::int AS spent,
      COALESCE(SUM(amount) FILTER (WHERE kind = 'LAPSE'), 0)::int AS lapsed
    FROM ledger_entry WHERE budget_id = ${budgetId}::uuid`;
  const budget = await db.budget.findUniqueOrThrow({ where: { id: budgetId } });
  return {
    fromLedger: row,
    onBudget: { allocated: budget.allocated, committed: budget.committed, spent: budget.spent, lapsed: budget.lapsed },
  };
}
