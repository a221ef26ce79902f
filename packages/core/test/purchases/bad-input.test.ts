import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { draftInput } from "./support/purchase-api.ts";
import { globalId, PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "./support/purchase-world.ts";

let database: TestDatabase;
let world: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;
let lp: string;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db);
  await seedPurchaseWorld(database.db, "beta");
  api = createTestApi(database.db);
  lp = await api.signIn("lp@alpha.test", PASSWORD);
});
afterAll(() => database.drop());

const CREATE = `mutation ($input: CreatePurchaseRequestInput!) { createPurchaseRequest(input: $input) {
  __typename ... on Error { code message } ... on DomainError { field } ... on ValidationError { issues { path message } } } }`;

const rowCounts = async () => ({
  requests: await database.db.purchaseRequest.count(),
  items: await database.db.purchaseItem.count(),
  audit: await database.db.auditEvent.count(),
  ledger: await database.db.ledgerEntry.count(),
});

async function refused(input: Record<string, unknown>) {
  const before = await rowCounts();
  const result = await api.graphql(CREATE, { input }, lp);
  expect(await rowCounts()).toEqual(before);
  return result;
}

describe("bad input to a purchase request is refused with a specific error, and nothing is written", () => {
  it("negative pence", async () => {
    const result = await refused(draftInput(world, [{ unitCost: -500 }]));
    expect(result.data?.createPurchaseRequest.issues).toEqual([
      { path: "input.items.0.unitCost", message: "The amount must be more than £0.00" },
    ]);
  });

  it("fractional pence never reach the resolver", async () => {
    const result = await refused(draftInput(world, [{ unitCost: 12.5 }]));
    expect(result.errors?.[0]?.message).toMatch(
      /Pence must be a whole number of pence, for example 1250 for £12.50; got 12.5/,
    );
  });

  it("an amount given as text", async () => {
    const result = await refused(draftInput(world, [{ unitCost: "12.50" as never }]));
    expect(result.errors?.[0]?.message).toMatch(/Pence must be a whole number of pence/);
  });

  it("no items", async () => {
    const result = await refused(draftInput(world, []));
    expect(result.data?.createPurchaseRequest.issues).toEqual([
      { path: "input.items", message: "Add at least one item" },
    ]);
  });

  it("an unknown category", async () => {
    const result = await refused(draftInput(world, [{ unitCost: 100, category: "YACHTS" }]));
    expect(result.errors?.[0]?.message).toMatch(/Value "YACHTS" does not exist in "PurchaseCategory" enum/);
  });

  it("an empty description and a zero quantity, both listed", async () => {
    const result = await refused(draftInput(world, [{ unitCost: 100, description: "   ", quantity: 0 }]));
    expect(result.data?.createPurchaseRequest.issues).toEqual([
      { path: "input.items.0.description", message: "Describe what is being bought" },
      { path: "input.items.0.quantity", message: "The quantity must be at least 1" },
    ]);
  });

  it("a case id from another authority", async () => {
    const beta = await database.db.case.findFirstOrThrow({ where: { reference: "BETA-Mia" } });
    const result = await refused(draftInput(world, [{ unitCost: 100 }], { caseId: globalId("Case", beta.id) }));
    expect(result.data?.createPurchaseRequest).toMatchObject({ code: "NOT_FOUND", field: "input.caseId" });
  });

  it("a budget id that is not a budget's", async () => {
    const result = await refused(draftInput(world, [{ unitCost: 100 }], { budgetId: globalId("Case", world.caseId) }));
    expect(result.data?.createPurchaseRequest).toMatchObject({
      code: "NOT_FOUND",
      field: "input.budgetId",
      message: "That is not the id of a budget.",
    });
  });

  it("a supplier of another authority", async () => {
    const betaSupplier = await database.db.supplier.findFirstOrThrow({
      where: { NOT: { authorityId: world.authorityId } },
    });
    const result = await refused(
      draftInput(world, [{ unitCost: 100, supplierId: globalId("Supplier", betaSupplier.id) }]),
    );
    expect(result.data?.createPurchaseRequest).toMatchObject({ code: "NOT_FOUND", field: "input.items.0.supplierId" });
  });

  it("not signed in", async () => {
    const before = await rowCounts();
    const result = await api.graphql(CREATE, { input: draftInput(world, [{ unitCost: 100 }]) });
    expect(result.data?.createPurchaseRequest).toMatchObject({ code: "NOT_SIGNED_IN" });
    expect(await rowCounts()).toEqual(before);
  });
});
