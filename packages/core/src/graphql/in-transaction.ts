import { withAvailableFigure } from "../budgets/budget-ledger.ts";
import type { Transaction } from "../db/transaction.ts";
import type { GraphQLContext } from "./context.ts";

/**
 * Runs a mutation's work all-or-nothing: every write lands, or none does. Inside a request
 * `context.db` is the request's transaction, so this is a savepoint in it (authority-scoped).
 * Errors that need a fresh look at the database to explain themselves (how much a budget
 * has left) are completed after the rollback.
 */
export async function inTransaction<T>(context: GraphQLContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await context.db.$transaction(work);
  } catch (error) {
    throw await withAvailableFigure(context.db, error);
  }
}
