// The database itself keeps the ledger's invariants, whatever code path writes: these tests
// try to break them with raw SQL through the application's own database client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerAgreesWithBudget } from "../purchases/support/ledger-check.ts";
import { draftInput, purchaseApi } from "../purchases/support/purchase-api.ts";
import { PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "../purchases/support/purchase-world.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let world: PurchaseWorld;
let requestA: string;
let requestB: string;

const rawId = (id: string) => Buffer.from(id, "base64").toString().split(":")[1] as string;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db, "alpha", { allocation: 100_000 });
  const api = createTestApi(database.db);
  const purchases = purchaseApi(api);
  const lp = await api.signIn("lp@alpha.test", PASSWORD);
  const approver = await api.signIn("approver@alpha.test", PASSWORD);
  const approve = async (pence: number) => {
    const draft = await purchases.create(lp, draftInput(world, [{ unitCost: pence }]));
    await purchases.submit(lp, draft.id);
    expect((await purchases.decide(approver, draft.id, "APPROVE")).status).toBe("APPROVED");
    return rawId(draft.id);
  };
  requestA = await approve(10_000);
  requestB = await approve(5_000);
});
afterAll(() => database.drop());

const post = (kind: string, amount: number, requestId: string | null, budgetId = world.budgetId) =>
  database.db.$executeRawUnsafe(
    `INSERT INTO ledger_entry (authority_id, budget_id, kind, amount, purchase_request_id)
     VALUES ($1::uuid, $2::uuid, $3::ledger_entry_kind, $4, $5::uuid)`,
    world.authorityId,
    budgetId,
    kind,
    amount,
    requestId,
  );

async function totalsAgree() {
  const { fromLedger, onBudget } = await ledgerAgreesWithBudget(database.db, world.budgetId);
  expect(onBudget).toEqual(fromLedger);
  return onBudget;
}

describe("ledger invariants held by the database", () => {
  it("a budget's totals cannot be changed except through the ledger", async () => {
    const before = await totalsAgree();
    for (const column of ["allocated", "committed", "spent", "lapsed"])
      await expect(
        database.db.$executeRawUnsafe(
          `UPDATE budget SET ${column} = ${column} + 1 WHERE id = $1::uuid`,
          world.budgetId,
        ),
      ).rejects.toThrow(/budget_totals_from_ledger/);
    await expect(
      database.db.budget.update({ where: { id: world.budgetId }, data: { allocated: 10_000_000 } }),
    ).rejects.toThrow(/budget_totals_from_ledger/);
    // Everything else on the row stays editable.
    await database.db.budget.update({ where: { id: world.budgetId }, data: { name: "North fund (renamed)" } });
    expect(await totalsAgree()).toEqual(before);
  });

  it("a budget cannot be born with money in it, nor removed once money has moved through it", async () => {
    await expect(
      database.db.budget.create({
        data: {
          authorityId: world.authorityId,
          name: "Conjured",
          periodStart: new Date("2026-04-01"),
          periodEnd: new Date("2027-03-31"),
          holderRole: "APPROVER",
          allocated: 50_000,
        },
      }),
    ).rejects.toThrow(/budget_totals_from_ledger/);
    await expect(database.db.budget.delete({ where: { id: world.budgetId } })).rejects.toThrow(
      /budget_has_ledger|ledger_entry/,
    );
    await expect(database.db.$executeRaw`TRUNCATE budget CASCADE`).rejects.toThrow(/budget_has_ledger|append-only/);
  });

  it("no entry can take available below zero, nor committed or spent below zero", async () => {
    const { allocated, committed } = await totalsAgree();
    await expect(post("COMMITMENT", allocated - committed + 1, null)).rejects.toThrow(/budget_available_not_negative/);
    await expect(post("LAPSE", allocated - committed + 1, null)).rejects.toThrow(/budget_available_not_negative/);
    await expect(post("RETURN", 1, null)).rejects.toThrow(/budget_spent_check/);
    await expect(post("RELEASE", committed + 1, null)).rejects.toThrow(/budget_committed_check/);
  });

  it("a request cannot release or spend more than was committed to it, even when the budget holds other commitments", async () => {
    // B has £50 committed; the budget has £150. Releasing £60 against B would leave the budget
    // looking healthy while quietly freeing £10 of A's commitment.
    await expect(post("RELEASE", 6_000, requestB)).rejects.toThrow(/ledger_entry_request_in_order/);
    await expect(post("SPEND", 6_000, requestB)).rejects.toThrow(/ledger_entry_request_in_order/);
    // Within what was committed, the ledger accepts movements (as fulfilment does).
    await post("SPEND", 4_000, requestB);
    // The budget has £40 spent, all of it B's: A cannot return any of it.
    await expect(post("RETURN", 1, requestA)).rejects.toThrow(/ledger_entry_request_in_order/);
    await post("RETURN", 1_000, requestB);
    await totalsAgree();
  });

  it("a request's money stays on its own budget", async () => {
    const other = await database.db.budget.create({
      data: {
        authorityId: world.authorityId,
        name: "Other fund",
        periodStart: new Date("2026-04-01"),
        periodEnd: new Date("2027-03-31"),
        holderRole: "APPROVER",
      },
    });
    await post("ALLOCATION", 50_000, null, other.id);
    await expect(post("COMMITMENT", 1_000, requestA, other.id)).rejects.toThrow(/ledger_entry_on_request_budget/);
  });

  it("the ledger is append-only: no update, delete or truncate", async () => {
    await expect(database.db.$executeRaw`UPDATE ledger_entry SET amount = amount + 1`).rejects.toThrow(/append-only/);
    await expect(database.db.$executeRaw`DELETE FROM ledger_entry`).rejects.toThrow(/append-only/);
    await expect(database.db.$executeRaw`TRUNCATE ledger_entry`).rejects.toThrow(/append-only/);
    await totalsAgree();
  });
});
