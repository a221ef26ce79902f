import type { DbClient, Transaction } from "../db/transaction.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { LedgerEntryKind } from "../generated/prisma/enums.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { availableOf } from "./budget-balances.ts";

export interface LedgerPosting {
  budgetId: string;
  kind: LedgerEntryKind;
  amount: Pence;
  purchaseRequestId?: string | null;
  note?: string;
}

export class InsufficientFundsError extends DomainError {
  constructor(
    readonly budgetId: string,
    readonly needed: Pence,
    available?: Pence,
  ) {
    const has = available === undefined ? "does not have enough available" : `has ${formatPence(available)} available`;
    super("INSUFFICIENT_FUNDS", `The budget ${has}: not enough for ${formatPence(needed)}. Nothing was committed.`);
  }
}

export class BudgetClosedError extends DomainError {
  constructor() {
    super("BUDGET_CLOSED", "This budget's period has closed: it takes no new allocations or commitments.");
  }
}

// The pg driver adapter passes PostgreSQL's message through, and it names the constraint.
const violates = (error: unknown, constraint: string) => error instanceof Error && error.message.includes(constraint);

/**
 * The INSERT appending one movement to a budget's ledger, to send alone (postToLedger) or in
 * one statement with the change it pays for (moveStatus's `alongside`). The database does the
 * rest in the same statement (see migration 0002): a trigger moves the budget's totals, taking
 * the budget row's lock, and `budget_available_not_negative` refuses any movement that would
 * overspend — safe under any interleaving of concurrent postings, with no check-then-insert.
 */
export function ledgerInsert(viewer: Viewer | null, posting: LedgerPosting): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO ledger_entry (authority_id, budget_id, kind, amount, purchase_request_id, created_by_id, note)
    SELECT b.authority_id, b.id, ${posting.kind}::ledger_entry_kind, ${posting.amount}::int,
           ${posting.purchaseRequestId ?? null}::uuid, ${viewer?.id ?? null}::uuid, ${posting.note ?? ""}
    FROM budget b WHERE b.id = ${posting.budgetId}::uuid`;
}

/** The error to show for a statement the ledger refused, or null if the ledger did not refuse it. */
export function ledgerRefusal(error: unknown, posting: LedgerPosting): DomainError | null {
  if (violates(error, "budget_available_not_negative"))
    return new InsufficientFundsError(posting.budgetId, posting.amount);
  if (violates(error, "budget_closed")) return new BudgetClosedError();
  return null;
}

/**
 * Appends one movement to a budget's ledger (ledgerInsert). Call it inside a transaction: on
 * refusal PostgreSQL aborts the transaction, so the caller's other writes roll back with it.
 */
export async function postToLedger(tx: Transaction, viewer: Viewer | null, posting: LedgerPosting): Promise<void> {
  try {
    await tx.$executeRaw(ledgerInsert(viewer, posting));
  } catch (error) {
    throw ledgerRefusal(error, posting) ?? error;
  }
}

/**
 * Adds the budget's current figure to an insufficient-funds error. Runs after the failed
 * transaction has rolled back (inside it, PostgreSQL answers nothing more).
 */
export async function withAvailableFigure(db: DbClient, error: unknown): Promise<unknown> {
  if (!(error instanceof InsufficientFundsError)) return error;
  const budget = await db.budget.findUnique({ where: { id: error.budgetId } });
  return budget ? new InsufficientFundsError(error.budgetId, error.needed, availableOf(budget)) : error;
}
