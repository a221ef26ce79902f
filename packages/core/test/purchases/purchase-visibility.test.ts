import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { draftInput, purchaseApi } from "./support/purchase-api.ts";
import { globalId, PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "./support/purchase-world.ts";

let database: TestDatabase;
let world: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;
let purchases: ReturnType<typeof purchaseApi>;
const token: Record<string, string> = {};
let southRequestId: string;
let northCashId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db);
  await seedPurchaseWorld(database.db, "beta");
  api = createTestApi(database.db);
  purchases = purchaseApi(api);
  for (const who of ["lp", "lp2", "approver", "approver-south", "finance", "budgets"])
    token[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
  token.beta = await api.signIn("finance@beta.test", PASSWORD);

  // A cash request in North, fulfilled, and a request on a South case.
  const draft = await purchases.create(
    token.lp as string,
    draftInput(world, [{ unitCost: 3_000, supplierId: globalId("Supplier", world.supplierId) }]),
  );
  await purchases.submit(token.lp as string, draft.id);
  await purchases.decide(token.approver as string, draft.id, "APPROVE");
  await purchases.fulfil(token.finance as string, draft.id, { cashIssued: 3_000, cashSignedForBy: "Lena Price" });
  northCashId = draft.id;

  const south = world.areas.get("South") as string;
  const child = await database.db.child.create({
    data: {
      authorityId: world.authorityId,
      givenName: "Sam",
      familyName: "Southern",
      dateOfBirth: new Date("2015-01-01"),
    },
  });
  const southCase = await database.db.case.create({
    data: {
      authorityId: world.authorityId,
      areaId: south,
      leadProfessionalId: world.staff("lp2"),
      reference: "ALPHA-SOUTH",
      children: { create: { childId: child.id } },
    },
  });
  const southBudget = await database.db.budget.create({
    data: {
      authorityId: world.authorityId,
      areaId: south,
      name: "South",
      periodStart: new Date("2026-04-01"),
      periodEnd: new Date("2027-03-31"),
      holderRole: "APPROVER",
    },
  });
  const southDraft = await purchases.create(
    token.lp2 as string,
    draftInput(world, [{ unitCost: 700 }], {
      caseId: globalId("Case", southCase.id),
      budgetId: globalId("Budget", southBudget.id),
    }),
  );
  southRequestId = southDraft.id;
});
afterAll(() => database.drop());

const listed = async (who: string, args = "") => {
  const result = await api.graphql(
    `{ purchaseRequests(first: 50${args}) { edges { node { id reference total { pence } items { supplier { name } } } } } }`,
    {},
    token[who],
  );
  return result.data?.purchaseRequests.edges.map((edge: { node: { id: string } }) => edge.node) ?? [];
};

describe("who sees which purchase requests", () => {
  it("an approver sees their own area's requests only", async () => {
    const north = (await listed("approver")).map((r: { id: string }) => r.id);
    expect(north).toContain(northCashId);
    expect(north).not.toContain(southRequestId);
    const south = (await listed("approver-south")).map((r: { id: string }) => r.id);
    expect(south).toEqual([southRequestId]);
  });

  it("a lead professional sees the requests of the cases they lead", async () => {
    expect((await listed("lp")).map((r: { id: string }) => r.id)).toEqual([northCashId]);
    expect((await listed("lp2")).map((r: { id: string }) => r.id)).toEqual([southRequestId]);
  });

  it("finance sees every request's amounts and suppliers in its authority, but not the child's case", async () => {
    const all = await listed("finance");
    expect(all).toHaveLength(2);
    expect(all.find((r: { id: string }) => r.id === northCashId)).toMatchObject({
      total: { pence: 3_000 },
      items: [{ supplier: { name: "Northgate Nursery Supplies" } }],
    });
    const caseRead = await api.graphql(
      `query ($id: ID!) { node(id: $id) { id } }`,
      { id: globalId("Case", world.caseId) },
      token.finance,
    );
    expect(caseRead.data?.node).toBeNull();
  });

  it("nobody sees another authority's requests", async () => {
    expect(await listed("beta")).toEqual([]);
    const node = await api.graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: northCashId }, token.beta);
    expect(node.data?.node).toBeNull();
  });
});

describe("cash floats", () => {
  it("receipts past their due date are listed as overdue", async () => {
    expect(await listed("finance", ", receiptsOverdue: true")).toEqual([]);
    await database.db.purchaseRequest.updateMany({
      where: { route: "CASH", status: "FULFILLED" },
      data: { receiptsDueOn: new Date(Date.now() - 86_400_000) },
    });
    expect((await listed("finance", ", receiptsOverdue: true")).map((r: { id: string }) => r.id)).toEqual([
      northCashId,
    ]);
  });

  it("the same receipt file cannot back two receipts", async () => {
    const attachment = await database.db.attachment.create({
      data: {
        authorityId: world.authorityId,
        kind: "RECEIPT",
        filename: "till-receipt.png",
        contentType: "image/png",
        size: 10,
        sha256: "x",
        storageKey: "k",
        uploadedById: world.staff("lp"),
      },
    });
    const input = { amount: 1_000, attachmentId: globalId("Attachment", attachment.id) };
    expect((await purchases.receipt(token.lp as string, northCashId, input)).receipts).toHaveLength(1);
    expect(await purchases.receipt(token.lp as string, northCashId, input)).toMatchObject({
      code: "RECEIPT_ALREADY_USED",
      field: "attachmentId",
      message: "This receipt file has already been recorded against a request.",
    });
  });

  it("the receipt's file is on the receipt for the lead professional and finance, who may both download it", async () => {
    const receiptFiles = async (who: "lp" | "finance") => {
      const read = await api.graphql(
        `query ($id: ID!) { node(id: $id) { ... on PurchaseRequest { receipts { attachment { filename downloadPath } } } } }`,
        { id: northCashId },
        token[who],
      );
      expect(read.errors).toBeUndefined();
      return read.data?.node.receipts.map((receipt: any) => receipt.attachment?.filename ?? null);
    };
    expect(await receiptFiles("lp")).toContain("till-receipt.png");
    expect(await receiptFiles("finance")).toContain("till-receipt.png");
  });
});
