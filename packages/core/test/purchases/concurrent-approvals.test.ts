import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { ledgerAgreesWithBudget } from "./support/ledger-check.ts";
import { balances, draftInput, purchaseApi } from "./support/purchase-api.ts";
import { PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "./support/purchase-world.ts";

const REQUESTS = 60;
const EACH = 10_000; // £100
const BUDGET = 253_000; // covers 25 of them, with £30 to spare

let database: TestDatabase;
let world: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db, "alpha", { allocation: BUDGET });
  api = createTestApi(database.db);
});
afterAll(() => database.drop());

describe(`${REQUESTS} simultaneous final approvals against a budget that covers only some`, () => {
  it("approves exactly as many as the budget covers, refuses the rest with INSUFFICIENT_FUNDS, and never goes below zero", async () => {
    const purchases = purchaseApi(api);
    const lp = await api.signIn("lp@alpha.test", PASSWORD);
    const approver = await api.signIn("approver@alpha.test", PASSWORD);
    const budgets = await api.signIn("budgets@alpha.test", PASSWORD);

    // Submitted one by one: each fits the budget on its own when submitted.
    const ids: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const draft = await purchases.create(lp, draftInput(world, [{ unitCost: EACH }]));
      expect((await purchases.submit(lp, draft.id)).status).toBe("AWAITING_DECISION");
      ids.push(draft.id);
    }

    const results = await Promise.all(ids.map((id) => purchases.decide(approver, id, "APPROVE")));

    const approved = results.filter((result) => result.status === "APPROVED");
    const refused = results.filter((result) => result.code === "INSUFFICIENT_FUNDS");
    expect(approved).toHaveLength(Math.floor(BUDGET / EACH));
    expect(refused).toHaveLength(REQUESTS - approved.length);
    expect(refused[0].message).toBe("The budget has £30.00 available: not enough for £100.00. Nothing was committed.");

    expect(await balances(api, budgets, world.budgetId)).toEqual({
      allocated: BUDGET,
      committed: 25 * EACH,
      spent: 0,
      lapsed: 0,
      available: BUDGET - 25 * EACH,
    });
    const { fromLedger, onBudget } = await ledgerAgreesWithBudget(database.db, world.budgetId);
    expect(onBudget).toEqual(fromLedger);
    expect(await database.db.ledgerEntry.count({ where: { kind: "COMMITMENT" } })).toBe(25);

    // The refused requests stay undecided, with their step still pending.
    const stillWaiting = await database.db.purchaseRequest.count({ where: { status: "AWAITING_DECISION" } });
    expect(stillWaiting).toBe(REQUESTS - 25);
    expect(await database.db.decision.count()).toBe(25);
  });

  it("the same request approved twice at once is committed once", async () => {
    const purchases = purchaseApi(api);
    const lp = await api.signIn("lp@alpha.test", PASSWORD);
    await database.db
      .$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount) VALUES (${world.authorityId}::uuid, ${world.budgetId}::uuid, 'ALLOCATION', 50000)`;
    const draft = await purchases.create(lp, draftInput(world, [{ unitCost: 4_000 }]));
    await purchases.submit(lp, draft.id);
    const approvers = await Promise.all([
      api.signIn("approver@alpha.test", PASSWORD),
      api.signIn("approver@alpha.test", PASSWORD),
    ]);
    const before = await database.db.ledgerEntry.count({ where: { kind: "COMMITMENT" } });
    const results = await Promise.all(approvers.map((token) => purchases.decide(token, draft.id, "APPROVE")));
    expect(results.filter((result) => result.status === "APPROVED")).toHaveLength(1);
    expect(await database.db.ledgerEntry.count({ where: { kind: "COMMITMENT" } })).toBe(before + 1);
  });
});
