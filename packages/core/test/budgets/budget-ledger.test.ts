import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerAgreesWithBudget } from "../purchases/support/ledger-check.ts";
import { balances, draftInput, purchaseApi } from "../purchases/support/purchase-api.ts";
import { globalId, PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "../purchases/support/purchase-world.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let world: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;
const token: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db);
  api = createTestApi(database.db);
  for (const who of ["lp", "approver", "budgets", "finance"])
    token[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
});
afterAll(() => database.drop());

const BUDGET_RESULT = `__typename ... on Error { code message } ... on ValidationError { issues { path message } }
  ... on MutationCreateBudgetSuccess { data { id name status area { name } available { pence formatted } } }`;

async function createBudget(who: string, input: Record<string, unknown>) {
  const result = await api.graphql(
    `mutation ($input: CreateBudgetInput!) { createBudget(input: $input) { ${BUDGET_RESULT} } }`,
    { input },
    token[who],
  );
  return result.data?.createBudget;
}

describe("budgets", () => {
  it("a budget manager creates a budget with an initial allocation, and the ledger shows it", async () => {
    const created = await createBudget("budgets", {
      name: "South fund",
      areaId: globalId("Area", world.areas.get("South") as string),
      periodStart: "2026-04-01",
      periodEnd: "2027-03-31",
      initialAllocation: 1_500_000,
    });
    expect(created.data).toMatchObject({
      name: "South fund",
      status: "OPEN",
      area: { name: "South" },
      available: { pence: 1_500_000, formatted: "£15,000.00" },
    });
    const ledger = await api.graphql(
      `query ($id: ID!) { node(id: $id) { ... on Budget { ledgerEntries(first: 10) { edges { node { kind amount { pence } note } } } } } }`,
      { id: created.data.id },
      token.budgets,
    );
    expect(ledger.data?.node.ledgerEntries.edges).toEqual([
      { node: { kind: "ALLOCATION", amount: { pence: 1_500_000 }, note: "Initial allocation" } },
    ]);
  });

  it("only a budget manager may create one, and a period must end after it starts", async () => {
    expect(
      await createBudget("lp", { name: "Mine", periodStart: "2026-04-01", periodEnd: "2027-03-31" }),
    ).toMatchObject({ code: "NOT_AUTHORISED" });
    expect(
      (await createBudget("budgets", { name: "Backwards", periodStart: "2027-04-01", periodEnd: "2026-03-31" })).issues,
    ).toEqual([{ path: "input.periodEnd", message: "The period must end on or after its start" }]);
  });

  it("a lead professional sees balances but not the ledger", async () => {
    const result = await api.graphql(
      `query ($id: ID!) { node(id: $id) { ... on Budget { available { pence } ledgerEntries(first: 5) { edges { node { kind } } } } } }`,
      { id: globalId("Budget", world.budgetId) },
      token.lp,
    );
    expect(result.data?.node.available.pence).toBe(100_000);
    expect(result.data?.node.ledgerEntries.edges).toEqual([]);
  });

  it("the ledger cannot be edited or deleted, not even by SQL", async () => {
    await expect(database.db.$executeRaw`UPDATE ledger_entry SET amount = 1`).rejects.toThrow(/append-only/);
    await expect(database.db.$executeRaw`DELETE FROM ledger_entry`).rejects.toThrow(/append-only/);
  });

  it("no statement can take a budget below zero, whatever code path writes it", async () => {
    await expect(
      database.db
        .$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount) VALUES (${world.authorityId}::uuid, ${world.budgetId}::uuid, 'COMMITMENT', 100001)`,
    ).rejects.toThrow(/budget_available_not_negative/);
    await expect(
      database.db
        .$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount) VALUES (${world.authorityId}::uuid, ${world.budgetId}::uuid, 'SPEND', 1)`,
    ).rejects.toThrow(/committed/);
  });

  it("closing the period lapses what is uncommitted, freezes new commitments, and still lets committed money be spent", async () => {
    const purchases = purchaseApi(api);
    const draft = await purchases.create(token.lp as string, draftInput(world, [{ unitCost: 30_000 }]));
    await purchases.submit(token.lp as string, draft.id);
    await purchases.decide(token.approver as string, draft.id, "APPROVE");
    const waiting = await purchases.create(token.lp as string, draftInput(world, [{ unitCost: 1_000 }]));
    await purchases.submit(token.lp as string, waiting.id);

    const closed = await api.graphql(
      `mutation ($id: ID!) { closeBudgetPeriod(budgetId: $id) { __typename ... on MutationCloseBudgetPeriodSuccess { data { status } } } }`,
      { id: globalId("Budget", world.budgetId) },
      token.budgets,
    );
    expect(closed.data?.closeBudgetPeriod.data.status).toBe("CLOSED");
    expect(await balances(api, token.budgets as string, world.budgetId)).toEqual({
      allocated: 100_000,
      committed: 30_000,
      spent: 0,
      lapsed: 70_000,
      available: 0,
    });

    expect(await purchases.decide(token.approver as string, waiting.id, "APPROVE")).toMatchObject({
      code: "BUDGET_CLOSED",
    });
    await purchases.fulfil(token.finance as string, draft.id, { cashIssued: 30_000, cashSignedForBy: "Lena Price" });
    expect(await balances(api, token.budgets as string, world.budgetId)).toMatchObject({
      committed: 0,
      spent: 30_000,
      available: 0,
    });

    const again = await api.graphql(
      `mutation ($id: ID!) { closeBudgetPeriod(budgetId: $id) { __typename ... on Error { code } } }`,
      { id: globalId("Budget", world.budgetId) },
      token.budgets,
    );
    expect(again.data?.closeBudgetPeriod).toEqual({ __typename: "DomainError", code: "ALREADY_CLOSED" });
    const { fromLedger, onBudget } = await ledgerAgreesWithBudget(database.db, world.budgetId);
    expect(onBudget).toEqual(fromLedger);
  });
});
