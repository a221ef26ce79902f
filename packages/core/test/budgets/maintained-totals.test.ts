// The budget row's totals are what balance reads cost O(1) at millions of ledger entries; they
// are only worth it if they always equal the ledger's sums. A seeded random mix of every kind
// of movement, posted concurrently (some refused by the database), must leave them equal.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postToLedger } from "../../src/budgets/budget-ledger.ts";
import type { Pence } from "../../src/domain/money.ts";
import type { LedgerEntryKind } from "../../src/generated/prisma/enums.ts";
import { ledgerAgreesWithBudget } from "../purchases/support/ledger-check.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const kinds: LedgerEntryKind[] = ["ALLOCATION", "COMMITMENT", "RELEASE", "SPEND", "RETURN", "LAPSE"];

describe("a budget's maintained totals", () => {
  let database: TestDatabase;
  const budgetIds: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const authority = await database.db.authority.create({ data: { name: "Totals Test", code: "totals-test" } });
    for (const name of ["A", "B", "C"]) {
      const budget = await database.db.budget.create({
        data: {
          authorityId: authority.id,
          name,
          periodStart: new Date("2026-04-01"),
          periodEnd: new Date("2027-03-31"),
          holderRole: "BUDGET_MANAGER",
        },
      });
      budgetIds.push(budget.id);
    }
  });
  afterAll(() => database.drop());

  it("equal the ledger's sums after a concurrent mix of every movement, refusals included", async () => {
    const posting = fc.record({
      budget: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom(...kinds),
      amount: fc.integer({ min: 1, max: 50_000 }),
    });
    // A fixed seed: the same mix every run, so a failure reproduces.
    const [batches] = fc.sample(
      fc.array(fc.array(posting, { minLength: 8, maxLength: 8 }), { minLength: 25, maxLength: 25 }),
      {
        seed: 20261123,
        numRuns: 1,
      },
    );
    let accepted = 0;
    let refused = 0;
    for (const batch of batches ?? []) {
      // Eight transactions at once, several on the same budget: they queue on its row lock.
      const outcomes = await Promise.allSettled(
        batch.map((p) =>
          database.db.$transaction((tx) =>
            postToLedger(tx, null, {
              budgetId: budgetIds[p.budget] as string,
              kind: p.kind,
              amount: p.amount as Pence,
            }),
          ),
        ),
      );
      for (const outcome of outcomes) {
        if (outcome.status === "fulfilled") accepted += 1;
        else refused += 1;
      }
    }
    // The mix must exercise both sides: movements that land and movements the database refuses.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(10);
    for (const id of budgetIds) {
      const { fromLedger, onBudget } = await ledgerAgreesWithBudget(database.db, id);
      expect(onBudget).toEqual(fromLedger);
      expect(onBudget.allocated - onBudget.committed - onBudget.spent - onBudget.lapsed).toBeGreaterThanOrEqual(0);
    }
    const entries = await database.db.ledgerEntry.count();
    expect(entries).toBe(accepted);
  });
});
