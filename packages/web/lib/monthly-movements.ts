import type { LedgerEntryKind } from "./generated/graphql";

export interface LedgerMovement {
  kind: LedgerEntryKind;
  amount: { pence: number };
  createdAt: string;
}

const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Spend and commitments per month of the budget's period, from its ledger. */
export function monthlyMovements(entries: readonly LedgerMovement[], periodStart: string, periodEnd: string) {
  const months: { key: string; month: string; spent: number; committed: number }[] = [];
  const start = new Date(periodStart);
  const end = new Date(periodEnd);
  for (
    let at = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
    at <= end;
    at.setUTCMonth(at.getUTCMonth() + 1)
  )
    months.push({ key: at.toISOString().slice(0, 7), month: monthFormat.format(at), spent: 0, committed: 0 });
  for (const entry of entries) {
    const month = months.find((candidate) => candidate.key === entry.createdAt.slice(0, 7));
    if (!month) continue;
    if (entry.kind === "SPEND") month.spent += entry.amount.pence;
    if (entry.kind === "RETURN") month.spent -= entry.amount.pence;
    if (entry.kind === "COMMITMENT") month.committed += entry.amount.pence;
    if (entry.kind === "RELEASE") month.committed -= entry.amount.pence;
  }
  return months;
}
