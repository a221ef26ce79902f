// Every mutation that moves money takes an idempotency key. Each is replayed CONCURRENTLY
// (Promise.all of the same mutation with the same key): all replays get the first result, and
// the ledger moves exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteExpiredIdempotencyKeys } from "../../src/idempotency/idempotency-key.ts";
import { ledgerAgreesWithBudget } from "../purchases/support/ledger-check.ts";
import { draftInput, mutate, purchaseApi } from "../purchases/support/purchase-api.ts";
import { globalId, PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "../purchases/support/purchase-world.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const REPLAYS = 8;

let database: TestDatabase;
let world: PurchaseWorld;
let beta: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;
const token: Record<string, string> = {};
let keyCounter = 0;
const freshKey = () => `key-${Date.now()}-${++keyCounter}`;
/** The database id inside a global id ("PurchaseRequest:uuid", base64). */
const rawId = (id: string) => Buffer.from(id, "base64").toString().split(":")[1] as string;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db, "alpha", { allocation: 1_000_000 });
  beta = await seedPurchaseWorld(database.db, "beta", { allocation: 1_000_000 });
  api = createTestApi(database.db);
  for (const who of ["lp", "approver", "budgets", "finance"])
    token[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
  token.betaBudgets = await api.signIn("budgets@beta.test", PASSWORD);
});
afterAll(() => database.drop());

const purchases = () => purchaseApi(api);
const ledgerCount = () => database.db.ledgerEntry.count();
const ledgerRows = (kind: "ALLOCATION" | "COMMITMENT" | "RELEASE" | "SPEND" | "RETURN" | "LAPSE") =>
  database.db.ledgerEntry.count({ where: { kind } });

async function approvedRequest(route: "CASH" | "SUPPLIER_ORDER", unitCost: number) {
  const extra =
    route === "SUPPLIER_ORDER"
      ? {
          route,
          items: [
            {
              category: "DOMESTIC_EQUIPMENT",
              description: "Cot",
              quantity: 1,
              unitCost,
              supplierId: globalId("Supplier", world.supplierId),
            },
          ],
        }
      : {};
  const draft = await purchases().create(token.lp as string, draftInput(world, [{ unitCost }], extra));
  await purchases().submit(token.lp as string, draft.id);
  const approved = await purchases().decide(token.approver as string, draft.id, "APPROVE");
  expect(approved.status).toBe("APPROVED");
  return draft.id as string;
}

/** Fires the same mutation with the same key REPLAYS times at once; returns every answer. */
function replayAtOnce(name: string, token: string, args: string, variables: Record<string, unknown>) {
  return Promise.all(
    Array.from({ length: REPLAYS }, () => mutate(api, token, name, `${args}, $idempotencyKey: String`, variables)),
  );
}

describe(`${REPLAYS} concurrent replays of each money mutation with one idempotency key`, () => {
  it("final approval: every replay answers APPROVED for the same request, one commitment", async () => {
    const draft = await purchases().create(token.lp as string, draftInput(world, [{ unitCost: 12_000 }]));
    await purchases().submit(token.lp as string, draft.id);
    const before = await ledgerRows("COMMITMENT");
    const answers = await replayAtOnce(
      "decidePurchaseRequest",
      token.approver as string,
      "$id: ID!, $decision: DecisionChoice!",
      {
        id: draft.id,
        decision: "APPROVE",
        idempotencyKey: freshKey(),
      },
    );
    expect(answers.map((a) => [a.id, a.status])).toEqual(Array(REPLAYS).fill([draft.id, "APPROVED"]));
    expect(await ledgerRows("COMMITMENT")).toBe(before + 1);
  });

  it("allocation: one allocation entry, every replay sees the same budget", async () => {
    const before = await ledgerRows("ALLOCATION");
    const budgetBefore = await database.db.budget.findUniqueOrThrow({ where: { id: world.budgetId } });
    const id = globalId("Budget", world.budgetId);
    const answers = await Promise.all(
      Array.from({ length: REPLAYS }, () =>
        api.graphql(
          `mutation ($id: ID!, $key: String) { allocateToBudget(budgetId: $id, amount: 25000, idempotencyKey: $key) {
            __typename ... on MutationAllocateToBudgetSuccess { data { id allocated { pence } } } } }`,
          { id, key: "allocation-key-0001" },
          token.budgets,
        ),
      ),
    );
    expect(new Set(answers.map((a) => a.data?.allocateToBudget.__typename))).toEqual(
      new Set(["MutationAllocateToBudgetSuccess"]),
    );
    expect(await ledgerRows("ALLOCATION")).toBe(before + 1);
    const budgetAfter = await database.db.budget.findUniqueOrThrow({ where: { id: world.budgetId } });
    expect(budgetAfter.allocated - budgetBefore.allocated).toBe(25_000);
  });

  it("budget creation with an initial allocation: one budget, one allocation", async () => {
    const budgetsBefore = await database.db.budget.count();
    const key = freshKey();
    const answers = await Promise.all(
      Array.from({ length: REPLAYS }, () =>
        api.graphql(
          `mutation ($input: CreateBudgetInput!, $key: String) { createBudget(input: $input, idempotencyKey: $key) {
            __typename ... on MutationCreateBudgetSuccess { data { id } } } }`,
          {
            input: {
              name: "Replayed fund",
              periodStart: "2026-04-01",
              periodEnd: "2027-03-31",
              initialAllocation: 5_000,
            },
            key,
          },
          token.budgets,
        ),
      ),
    );
    expect(new Set(answers.map((a) => a.data?.createBudget.data.id)).size).toBe(1);
    expect(await database.db.budget.count()).toBe(budgetsBefore + 1);
  });

  it("cash issue: one spend (and one release of what was not issued)", async () => {
    const id = await approvedRequest("CASH", 9_000);
    const [spends, releases] = [await ledgerRows("SPEND"), await ledgerRows("RELEASE")];
    const answers = await replayAtOnce(
      "recordFulfilment",
      token.finance as string,
      "$id: ID!, $input: FulfilmentInput!",
      {
        id,
        input: { cashIssued: 8_000, cashSignedForBy: "Lena Price" },
        idempotencyKey: freshKey(),
      },
    );
    expect(answers.every((a) => a.status === "FULFILLED" && a.cashIssued.pence === 8_000)).toBe(true);
    expect([await ledgerRows("SPEND"), await ledgerRows("RELEASE")]).toEqual([spends + 1, releases + 1]);

    // Returned change: one RETURN however often it is retried.
    const returns = await ledgerRows("RETURN");
    const returned = await replayAtOnce("returnUnspent", token.finance as string, "$id: ID!, $amount: Pence!", {
      id,
      amount: 1_500,
      idempotencyKey: freshKey(),
    });
    expect(returned.every((a) => a.id === id)).toBe(true);
    expect(await ledgerRows("RETURN")).toBe(returns + 1);
  });

  it("supplier invoice (receipt on an order) and reconciliation: one spend, one release", async () => {
    const id = await approvedRequest("SUPPLIER_ORDER", 20_000);
    await purchases().fulfil(token.finance as string, id, { orderReference: "PO-77" });
    const spends = await ledgerRows("SPEND");
    const receipts = await replayAtOnce("recordReceipt", token.finance as string, "$id: ID!, $input: ReceiptInput!", {
      id,
      input: { amount: 18_000, description: "Invoice 1" },
      idempotencyKey: freshKey(),
    });
    expect(receipts.every((a) => a.receipts.length === 1)).toBe(true);
    expect(await ledgerRows("SPEND")).toBe(spends + 1);
    expect(await database.db.receipt.count({ where: { purchaseRequestId: rawId(id) } })).toBe(1);

    const releases = await ledgerRows("RELEASE");
    const reconciled = await replayAtOnce("reconcilePurchaseRequest", token.finance as string, "$id: ID!", {
      id,
      idempotencyKey: freshKey(),
    });
    expect(reconciled.every((a) => a.status === "RECONCILED")).toBe(true);
    expect(await ledgerRows("RELEASE")).toBe(releases + 1);
  });

  it("withdrawal of an approved request: one release", async () => {
    const id = await approvedRequest("CASH", 4_000);
    const releases = await ledgerRows("RELEASE");
    const answers = await replayAtOnce("withdrawPurchaseRequest", token.lp as string, "$id: ID!, $reason: String!", {
      id,
      reason: "Family moved away",
      idempotencyKey: freshKey(),
    });
    expect(answers.every((a) => a.status === "WITHDRAWN")).toBe(true);
    expect(await ledgerRows("RELEASE")).toBe(releases + 1);
  });

  it("submission: one submission however often it is retried", async () => {
    const draft = await purchases().create(token.lp as string, draftInput(world, [{ unitCost: 3_000 }]));
    const answers = await replayAtOnce("submitPurchaseRequest", token.lp as string, "$id: ID!", {
      id: draft.id,
      idempotencyKey: freshKey(),
    });
    expect(answers.every((a) => a.status === "AWAITING_DECISION")).toBe(true);
    expect(
      await database.db.purchaseStatusChange.count({
        where: { purchaseRequestId: rawId(draft.id), toStatus: "AWAITING_DECISION" },
      }),
    ).toBe(1);
  });

  it("period close: one lapse", async () => {
    const created = await api.graphql(
      `mutation { createBudget(input: { name: "Closing fund", periodStart: "2026-04-01", periodEnd: "2027-03-31", initialAllocation: 7000 }) {
        ... on MutationCreateBudgetSuccess { data { id } } } }`,
      {},
      token.budgets,
    );
    const id = created.data?.createBudget.data.id;
    const lapses = await ledgerRows("LAPSE");
    const key = freshKey();
    const answers = await Promise.all(
      Array.from({ length: REPLAYS }, () =>
        api.graphql(
          `mutation ($id: ID!, $key: String) { closeBudgetPeriod(budgetId: $id, idempotencyKey: $key) {
            __typename ... on Error { code } ... on MutationCloseBudgetPeriodSuccess { data { status lapsed { pence } } } } }`,
          { id, key },
          token.budgets,
        ),
      ),
    );
    expect(answers.map((a) => a.data?.closeBudgetPeriod.data)).toEqual(
      Array(REPLAYS).fill({ status: "CLOSED", lapsed: { pence: 7_000 } }),
    );
    expect(await ledgerRows("LAPSE")).toBe(lapses + 1);
  });

  it("after all of that, every budget's maintained totals still equal the sums over its ledger", async () => {
    for (const budget of await database.db.budget.findMany()) {
      const { fromLedger, onBudget } = await ledgerAgreesWithBudget(database.db, budget.id);
      expect(onBudget).toEqual(fromLedger);
    }
  });
});

describe("idempotency keys", () => {
  const allocate = (who: string, budgetId: string, amount: number, key: string) =>
    api
      .graphql(
        `mutation ($id: ID!, $amount: Pence!, $key: String) { allocateToBudget(budgetId: $id, amount: $amount, idempotencyKey: $key) {
          __typename ... on Error { code message } ... on DomainError { field } ... on ValidationError { issues { path message } }
          ... on MutationAllocateToBudgetSuccess { data { allocated { pence } } } } }`,
        { id: globalId("Budget", budgetId), amount, key },
        token[who],
      )
      .then((result) => result.data?.allocateToBudget);

  it("the same key with a different payload is refused with IDEMPOTENCY_KEY_REUSED, and moves nothing", async () => {
    const key = freshKey();
    expect((await allocate("budgets", world.budgetId, 1_000, key)).__typename).toBe("MutationAllocateToBudgetSuccess");
    const before = await ledgerCount();
    expect(await allocate("budgets", world.budgetId, 2_000, key)).toEqual({
      __typename: "DomainError",
      code: "IDEMPOTENCY_KEY_REUSED",
      field: "idempotencyKey",
      message: "This idempotency key was already used for a different request. Send a new key with each new request.",
    });
    // Another operation under the same key is a different payload too.
    const draft = await purchases().create(token.lp as string, draftInput(world, [{ unitCost: 1_000 }]));
    const submitted = await mutate(
      api,
      token.lp as string,
      "submitPurchaseRequest",
      "$id: ID!, $idempotencyKey: String",
      {
        id: draft.id,
        idempotencyKey: key,
      },
    );
    expect(submitted.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await ledgerCount()).toBe(before);
  });

  it("keys are scoped to the authority: another authority's identical key is its own", async () => {
    const key = freshKey();
    expect((await allocate("budgets", world.budgetId, 1_100, key)).__typename).toBe("MutationAllocateToBudgetSuccess");
    const before = await ledgerRows("ALLOCATION");
    expect(await allocate("betaBudgets", beta.budgetId, 1_100, key)).toMatchObject({
      __typename: "MutationAllocateToBudgetSuccess",
      data: { allocated: { pence: 1_000_000 + 1_100 } },
    });
    expect(await ledgerRows("ALLOCATION")).toBe(before + 1);
  });

  it("a request that fails leaves no key behind, so a corrected retry with the same key goes through", async () => {
    const draft = await purchases().create(token.lp as string, draftInput(world, [{ unitCost: 2_000 }]));
    await purchases().submit(token.lp as string, draft.id);
    const key = freshKey();
    const reject = (note: string) =>
      mutate(
        api,
        token.approver as string,
        "decidePurchaseRequest",
        "$id: ID!, $decision: DecisionChoice!, $note: String, $idempotencyKey: String",
        { id: draft.id, decision: "REJECT", note, idempotencyKey: key },
      );
    expect((await reject("")).code).toBe("NOTE_NEEDED");
    expect(await database.db.idempotencyKey.count({ where: { key } })).toBe(0);
    expect((await reject("Covered by the school's hardship fund")).status).toBe("REJECTED");
    expect((await reject("Covered by the school's hardship fund")).status).toBe("REJECTED");
  });

  it("another member of staff in the same authority cannot replay someone else's key", async () => {
    const key = freshKey();
    expect((await allocate("budgets", world.budgetId, 1_300, key)).__typename).toBe("MutationAllocateToBudgetSuccess");
    token.budgets2 = await api.signIn("budgets@alpha.test", PASSWORD);
    // Same person, new session: still their key.
    expect((await allocate("budgets2", world.budgetId, 1_300, key)).__typename).toBe("MutationAllocateToBudgetSuccess");
    const finance = await api.graphql(
      `mutation ($id: ID!, $key: String) { allocateToBudget(budgetId: $id, amount: 1300, idempotencyKey: $key) { __typename ... on Error { code } } }`,
      { id: globalId("Budget", world.budgetId), key },
      token.finance,
    );
    expect(finance.data?.allocateToBudget.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("a key that is not a key is a validation error", async () => {
    expect((await allocate("budgets", world.budgetId, 1_000, "short")).issues).toEqual([
      { path: "idempotencyKey", message: "Use 8 to 200 letters, digits or - _ . : (a UUID works)" },
    ]);
  });

  it("keys are kept 24 hours: the clean-up removes them only after that, and the database refuses a shorter life", async () => {
    const key = freshKey();
    await allocate("budgets", world.budgetId, 1_200, key);
    const stored = await database.db.idempotencyKey.findUniqueOrThrow({
      where: { authorityId_key: { authorityId: world.authorityId, key } },
    });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 3600 * 1000);
    const hours = (n: number) => new Date(stored.createdAt.getTime() + n * 3600 * 1000);
    expect(await deleteExpiredIdempotencyKeys(database.db, hours(23))).toBe(0);
    const all = await database.db.idempotencyKey.count();
    expect(await deleteExpiredIdempotencyKeys(database.db, hours(25))).toBe(all);
    await expect(
      database.db.$executeRaw`UPDATE idempotency_key SET expires_at = created_at + interval '1 hour'`,
    ).resolves.toBe(0);
    await expect(
      database.db
        .$executeRaw`INSERT INTO idempotency_key (authority_id, key, operation, payload_hash, staff_user_id, expires_at)
        VALUES (${world.authorityId}::uuid, 'short-lived-key', 'x', 'x', ${world.staff("budgets")}::uuid, now())`,
    ).rejects.toThrow(/idempotency_key_kept_a_day/);
  });
});
