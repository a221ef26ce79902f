import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../src/seed/demo-seed.ts";
import { ledgerAgreesWithBudget } from "./purchases/support/ledger-check.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("the demo data", () => {
  it("seeds once, with requests at every stage of the lifecycle and budgets whose ledgers balance", async () => {
    expect(await seedDemoData(database.db)).toBe(true);
    expect(await seedDemoData(database.db)).toBe(false);
    const statuses = (await database.db.purchaseRequest.groupBy({ by: ["status"], _count: true }))
      .map((g) => g.status)
      .sort();
    expect(statuses).toEqual([
      "APPROVED",
      "AWAITING_DECISION",
      "CLOSED",
      "DRAFT",
      "FULFILLED",
      "REJECTED",
      "RETURNED",
      "WITHDRAWN",
    ]);
    for (const budget of await database.db.budget.findMany()) {
      const { fromLedger, onBudget } = await ledgerAgreesWithBudget(database.db, budget.id);
      expect(onBudget).toEqual(fromLedger);
    }
    expect(await database.db.staffUser.count({ where: { roleAssignments: { some: { role: "APPROVER" } } } })).toBe(3);
  });
});
