import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { ledgerAgreesWithBudget } from "./support/ledger-check.ts";
import { balances, draftInput, purchaseApi } from "./support/purchase-api.ts";
import { globalId, PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "./support/purchase-world.ts";

let database: TestDatabase;
let world: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;
let purchases: ReturnType<typeof purchaseApi>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db);
  api = createTestApi(database.db);
  purchases = purchaseApi(api);
  for (const who of ["lp", "approver", "finance", "budgets"])
    tokens[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
});
afterAll(() => database.drop());

const money = () => balances(api, tokens.budgets as string, world.budgetId);

async function expectLedgerConsistent() {
  const { fromLedger, onBudget } = await ledgerAgreesWithBudget(database.db, world.budgetId);
  expect(onBudget).toEqual(fromLedger);
}

async function approvedRequest(route: "CASH" | "SUPPLIER_ORDER", unitCost: number, quantity = 1) {
  const supplierId = route === "SUPPLIER_ORDER" ? globalId("Supplier", world.supplierId) : undefined;
  const draft = await purchases.create(
    tokens.lp as string,
    draftInput(world, [{ unitCost, quantity, supplierId }], { route }),
  );
  expect(draft.status).toBe("DRAFT");
  const submitted = await purchases.submit(tokens.lp as string, draft.id);
  expect(submitted.status).toBe("AWAITING_DECISION");
  const approved = await purchases.decide(tokens.approver as string, draft.id, "APPROVE");
  expect(approved.status).toBe("APPROVED");
  return approved;
}

describe("a request ordered from a supplier, from draft to closed", () => {
  it("commits on approval, spends on the invoice, releases the under-spend, and closes on review", async () => {
    const start = await money();
    expect(start).toEqual({ allocated: 100_000, committed: 0, spent: 0, lapsed: 0, available: 100_000 });

    const draft = await purchases.create(
      tokens.lp as string,
      draftInput(world, [{ unitCost: 12_000, quantity: 2, supplierId: globalId("Supplier", world.supplierId) }], {
        route: "SUPPLIER_ORDER",
      }),
    );
    expect(draft.total).toEqual({ pence: 24_000, formatted: "£240.00" });
    expect(await money()).toEqual(start);

    const submitted = await purchases.submit(tokens.lp as string, draft.id);
    expect(submitted.currentStep).toEqual({ label: "Approver" });
    expect(submitted.steps).toEqual([
      { round: 1, position: 0, role: "APPROVER", label: "Approver", status: "PENDING", area: { name: "North" } },
    ]);
    expect(await money()).toEqual(start);

    const approved = await purchases.decide(tokens.approver as string, draft.id, "APPROVE", "Agreed at panel");
    expect(approved.decisions).toEqual([
      {
        outcome: "APPROVED",
        note: "Agreed at panel",
        role: "APPROVER",
        decider: { name: "Ada North" },
        onBehalfOf: null,
        rulesVersion: "core-1",
      },
    ]);
    expect(approved.reviewDueOn).toBeTruthy();
    expect(await money()).toMatchObject({ committed: 24_000, spent: 0, available: 76_000 });

    const ordered = await purchases.fulfil(tokens.finance as string, draft.id, { orderReference: "PO-1001" });
    expect(ordered.status).toBe("FULFILLED");
    expect(await money()).toMatchObject({ committed: 24_000, spent: 0, available: 76_000 });

    await purchases.receipt(tokens.finance as string, draft.id, { amount: 22_500, description: "Invoice 77" });
    expect(await money()).toMatchObject({ committed: 1_500, spent: 22_500, available: 76_000 });

    const reconciled = await purchases.reconcile(tokens.finance as string, draft.id);
    expect(reconciled.status).toBe("RECONCILED");
    expect(await money()).toEqual({ allocated: 100_000, committed: 0, spent: 22_500, lapsed: 0, available: 77_500 });

    const closed = await purchases.review(tokens.lp as string, draft.id, {
      outcomeAchieved: "Mia now sleeps in her own cot.",
      ecmAchieved: ["BE_HEALTHY"],
      familyComments: "A great help.",
    });
    expect(closed.status).toBe("CLOSED");
    expect(closed.review).toEqual({ outcomeAchieved: "Mia now sleeps in her own cot.", ecmAchieved: ["BE_HEALTHY"] });
    expect(closed.history.map((change: { to: string }) => change.to)).toEqual([
      "DRAFT",
      "AWAITING_DECISION",
      "APPROVED",
      "FULFILLED",
      "RECONCILED",
      "CLOSED",
    ]);
    for (const stamp of ["submittedAt", "decidedAt", "fulfilledAt", "reconciledAt", "closedAt"])
      expect(closed[stamp]).toBeTruthy();
    await expectLedgerConsistent();
  });
});

describe("a request paid in cash, from draft to closed", () => {
  it("spends the cash issued, releases what was not issued, takes back the change, and needs every penny accounted for", async () => {
    const before = await money();
    const request = await approvedRequest("CASH", 5_000);
    expect(await money()).toMatchObject({ committed: before.committed + 5_000, available: before.available - 5_000 });

    const issued = await purchases.fulfil(tokens.finance as string, request.id, {
      cashIssued: 4_500,
      cashSignedForBy: "Lena Price",
    });
    expect(issued.cashIssued).toEqual({ pence: 4_500 });
    expect(issued.receiptsDueOn).toBeTruthy();
    expect(await money()).toMatchObject({
      committed: before.committed,
      spent: before.spent + 4_500,
      available: before.available - 4_500,
    });

    await purchases.receipt(tokens.lp as string, request.id, { amount: 3_000, description: "Bus passes" });
    await purchases.receipt(tokens.lp as string, request.id, { amount: 1_000, description: "Swimming" });
    const tooEarly = await purchases.reconcile(tokens.finance as string, request.id);
    expect(tooEarly).toMatchObject({
      code: "CASH_UNACCOUNTED",
      message: "£5.00 of the cash has neither a receipt nor been returned.",
    });

    const overReturn = await purchases.returnUnspent(tokens.finance as string, request.id, 600);
    expect(overReturn).toMatchObject({ code: "RETURN_OVER_OUTSTANDING" });
    await purchases.returnUnspent(tokens.finance as string, request.id, 500);
    expect(await money()).toMatchObject({ spent: before.spent + 4_000, available: before.available - 4_000 });

    expect((await purchases.reconcile(tokens.finance as string, request.id)).status).toBe("RECONCILED");
    expect(
      (await purchases.review(tokens.lp as string, request.id, { outcomeAchieved: "Attends swimming weekly." })).status,
    ).toBe("CLOSED");
    await expectLedgerConsistent();
  });

  it("refuses receipts adding up to more than the cash issued", async () => {
    const request = await approvedRequest("CASH", 2_000);
    await purchases.fulfil(tokens.finance as string, request.id, { cashIssued: 2_000, cashSignedForBy: "Lena Price" });
    await purchases.receipt(tokens.lp as string, request.id, { amount: 1_500 });
    expect(await purchases.receipt(tokens.lp as string, request.id, { amount: 600 })).toMatchObject({
      code: "RECEIPTS_OVER_AMOUNT",
      field: "amount",
    });
  });
});

describe("requests that do not go through", () => {
  it("a rejected request commits nothing and cannot be decided again", async () => {
    const before = await money();
    const draft = await purchases.create(tokens.lp as string, draftInput(world, [{ unitCost: 9_000 }]));
    await purchases.submit(tokens.lp as string, draft.id);
    const rejected = await purchases.decide(tokens.approver as string, draft.id, "REJECT", "Section 17 applies here.");
    expect(rejected.status).toBe("REJECTED");
    expect(await money()).toEqual(before);
    expect(await purchases.decide(tokens.approver as string, draft.id, "APPROVE")).toMatchObject({
      code: "NOT_AUTHORISED",
      message: "The request is not awaiting a decision.",
    });
  });

  it("rejecting or returning needs a note", async () => {
    const draft = await purchases.create(tokens.lp as string, draftInput(world, [{ unitCost: 1_000 }]));
    await purchases.submit(tokens.lp as string, draft.id);
    expect(await purchases.decide(tokens.approver as string, draft.id, "REJECT")).toMatchObject({
      code: "NOTE_NEEDED",
      field: "note",
    });
  });

  it("a request returned for changes can be changed and resubmitted as a new round, then approved", async () => {
    const draft = await purchases.create(tokens.lp as string, draftInput(world, [{ unitCost: 30_000 }]));
    await purchases.submit(tokens.lp as string, draft.id);
    const returned = await purchases.decide(
      tokens.approver as string,
      draft.id,
      "RETURN_FOR_CHANGES",
      "Get a second quote.",
    );
    expect(returned.status).toBe("RETURNED");
    const changed = await purchases.update(tokens.lp as string, draft.id, {
      items: [{ category: "DOMESTIC_EQUIPMENT", description: "Cheaper cot", unitCost: 18_000 }],
    });
    expect(changed.total.pence).toBe(18_000);
    const resubmitted = await purchases.submit(tokens.lp as string, draft.id);
    expect(resubmitted.steps.map((step: { round: number; status: string }) => [step.round, step.status])).toEqual([
      [1, "RETURNED"],
      [2, "PENDING"],
    ]);
    const before = await money();
    expect((await purchases.decide(tokens.approver as string, draft.id, "APPROVE")).status).toBe("APPROVED");
    expect(await money()).toMatchObject({ committed: before.committed + 18_000 });
  });

  it("withdrawing an approved request gives its money back to the budget", async () => {
    const before = await money();
    const request = await approvedRequest("CASH", 7_500);
    expect(await money()).toMatchObject({ available: before.available - 7_500 });
    const withdrawn = await purchases.withdraw(tokens.lp as string, request.id, "The family moved away.");
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(await money()).toEqual(before);
    await expectLedgerConsistent();
  });

  it("a withdrawn draft cannot be submitted", async () => {
    const draft = await purchases.create(tokens.lp as string, draftInput(world, [{ unitCost: 500 }]));
    await purchases.withdraw(tokens.lp as string, draft.id, "Not needed after all.");
    expect(await purchases.submit(tokens.lp as string, draft.id)).toMatchObject({
      code: "WRONG_STATUS",
      message: "This request is withdrawn, so it cannot be submitted.",
    });
  });
});
