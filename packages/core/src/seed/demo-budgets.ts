import type { Database } from "../db/prisma-client.ts";

/** The financial year (1 April to 31 March) that contains `date`, with its usual label ("2026-27"). */
export function financialYear(date = new Date()): { start: Date; end: Date; label: string } {
  const year = date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return {
    start: new Date(Date.UTC(year, 3, 1)),
    end: new Date(Date.UTC(year + 1, 2, 31)),
    label: `${year}-${String(year + 1).slice(2)}`,
  };
}

export interface DemoBudget {
  authorityId: string;
  /** null: a budget for the whole authority. */
  areaId: string | null;
  scheme: string;
  name: string;
  /** Pence, put in through the ledger as one ALLOCATION. */
  allocation: number;
  note?: string;
}

/**
 * A demo budget for the current financial year, funded the only way money enters a budget:
 * an ALLOCATION on its ledger (the database trigger moves the totals).
 */
export async function seedFundedBudget(db: Database, budget: DemoBudget): Promise<string> {
  const year = financialYear();
  const { id } = await db.budget.create({
    data: {
      authorityId: budget.authorityId,
      areaId: budget.areaId,
      scheme: budget.scheme,
      name: budget.name,
      periodStart: year.start,
      periodEnd: year.end,
      holderRole: "APPROVER",
    },
  });
  await db.$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount, note)
    VALUES (${budget.authorityId}::uuid, ${id}::uuid, 'ALLOCATION', ${budget.allocation}::int, ${budget.note ?? "Allocation for the year"})`;
  return id;
}
