import type { Pence } from "../domain/money.ts";

export interface BudgetTotals {
  allocated: number;
  committed: number;
  spent: number;
  lapsed: number;
}

/** What can still be promised: the same sum the database's CHECK constraint keeps at or above zero. */
export function availableOf(budget: BudgetTotals): Pence {
  return (budget.allocated - budget.committed - budget.spent - budget.lapsed) as Pence;
}
