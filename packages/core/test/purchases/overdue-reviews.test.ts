import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { draftInput, purchaseApi } from "./support/purchase-api.ts";
import { globalId, PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "./support/purchase-world.ts";

let database: TestDatabase;
let world: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;
let purchases: ReturnType<typeof purchaseApi>;
const tokens: Record<string, string> = {};
const as = (who: string) => tokens[who] as string;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db);
  api = createTestApi(database.db);
  purchases = purchaseApi(api);
  for (const who of ["lp", "lp2", "approver", "approver-south", "finance", "budgets"])
    tokens[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
});
afterAll(() => database.drop());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function approved(unitCost: number) {
  const draft = await purchases.create(
    as("lp"),
    draftInput(world, [{ unitCost, supplierId: globalId("Supplier", world.supplierId) }], { route: "SUPPLIER_ORDER" }),
  );
  await purchases.submit(as("lp"), draft.id);
  return purchases.decide(as("approver"), draft.id, "APPROVE");
}

async function overdue(who: string) {
  const result = await api.graphql(`{ overdueReviews { id reference reviewDueOn } }`, {}, as(who));
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return ((result.data?.overdueReviews ?? []) as { id: string; reference: string }[]).map((request) => request.id);
}

/** The review date as if the request had been approved `days` ago. */
async function dueDaysAgo(id: string, days: number) {
  const rowId = Buffer.from(id, "base64").toString().split(":")[1] as string;
  await database.db.purchaseRequest.update({ where: { id: rowId }, data: { reviewDueOn: new Date(day(-days)) } });
}

describe("the review date, set on approval in proportion to the amount", () => {
  it("core's scheme: six weeks for up to £100, three months above", async () => {
    expect((await approved(10_000)).reviewDueOn).toBe(day(42));
    expect((await approved(10_001)).reviewDueOn).toBe(day(91));
  });
});

describe("overdue reviews", () => {
  it("are listed for the case's lead professional and the approver who approved, and nobody else", async () => {
    const late = await approved(2_000);
    const notYet = await approved(3_000);
    await dueDaysAgo(late.id, 1);
    await dueDaysAgo(notYet.id, 0); // due today: not yet overdue

    expect(await overdue("lp")).toEqual([late.id]);
    expect(await overdue("approver")).toEqual([late.id]);
    for (const who of ["lp2", "approver-south", "finance", "budgets"]) expect(await overdue(who)).toEqual([]);
  });

  it("recording the review completes the request and takes it off the list", async () => {
    const request = await approved(4_000);
    await dueDaysAgo(request.id, 10);
    expect(await overdue("lp")).toContain(request.id);

    await purchases.fulfil(as("finance"), request.id, { orderReference: "PO-2001" });
    await purchases.receipt(as("finance"), request.id, { amount: 4_000, description: "Invoice 12" });
    await purchases.reconcile(as("finance"), request.id);
    expect(await overdue("approver")).toContain(request.id);

    const closed = await purchases.review(as("lp"), request.id, {
      outcomeAchieved: "Mia goes to nursery three mornings a week.",
      ecmAchieved: ["ENJOY_AND_ACHIEVE"],
    });
    expect(closed.status).toBe("CLOSED");
    expect(await overdue("lp")).not.toContain(request.id);
    expect(await overdue("approver")).not.toContain(request.id);
  });
});
