import type { Transaction } from "../db/transaction.ts";
import { yearInLondon } from "./calendar.ts";

/** "kingsbridge-vale" → "KIN": the first three letters of the authority's code. */
export function referencePrefix(authorityCode: string): string {
  return authorityCode
    .replace(/[^a-z]/gi, "")
    .slice(0, 3)
    .toUpperCase();
}

/**
 * The next case reference for an authority: "KIN-2026-0007", numbered afresh each year.
 * A transaction-scoped advisory lock per authority serialises the numbering, so two cases
 * opened at once never get the same number (the unique index would refuse the second).
 */
export async function nextCaseReference(
  tx: Transaction,
  authorityId: string,
  authorityCode: string,
  year = yearInLondon(),
): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('case-reference:' || ${authorityId}))`;
  const prefix = `${referencePrefix(authorityCode)}-${year}-`;
  const taken = await tx.case.count({ where: { authorityId, reference: { startsWith: prefix } } });
  return `${prefix}${String(taken + 1).padStart(4, "0")}`;
}
