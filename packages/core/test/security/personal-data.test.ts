import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/seed/demo-people.ts";
import { seedDemoData } from "../../src/seed/demo-seed.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let childId: string;
let childGlobalId: string;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const as = (role: string) => `${role}@kingsbridge.example`;

const childQuery = `query ($id: ID!) {
  child(id: $id) { givenName familyName dateOfBirth household { name address postcode } }
}`;
const nodeQuery = `query ($id: ID!) { node(id: $id) { ... on Child { givenName familyName dateOfBirth } } }`;
const purchasesQuery = `{
  purchaseRequests(first: 100) { edges { node {
    reference route total { pence } cashIssued { pence } cashSignedForBy
    items { unitCost { pence } supplier { name } }
    case { reference children { givenName familyName dateOfBirth } }
  } } }
}`;

async function query(email: string, text: string, variables: Record<string, unknown> = {}) {
  const token = await api.signIn(email, DEMO_PASSWORD);
  return api.graphql(text, variables, token);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  api = createTestApi(database.db);
  // A child with a household and address, on a case with a cash request someone signed for.
  const cash = await database.db.purchaseRequest.findFirstOrThrow({
    where: { route: "CASH", case: { children: { some: { child: { householdId: { not: null } } } } } },
    include: { case: { include: { children: true } } },
  });
  await database.db.purchaseRequest.update({
    where: { id: cash.id },
    data: { cashSignedForBy: "Morgan Example (mother)", cashIssued: cash.cashIssued ?? 1500 },
  });
  const child = await database.db.child.findFirstOrThrow({
    where: { id: { in: cash.case.children.map((link) => link.childId) }, householdId: { not: null } },
  });
  await database.db.household.update({
    where: { id: child.householdId as string },
    data: { address: "1 Invented Row, Kingsbridge", postcode: "KV1 2AB" },
  });
  childId = child.id;
  childGlobalId = globalId("Child", childId);
});
afterAll(() => database.drop());

describe("the people who work with the family", () => {
  it("a lead professional or approver of the child's case receives the name, date of birth and address", async () => {
    const theCase = await database.db.case.findFirstOrThrow({
      where: { children: { some: { childId } } },
      include: { leadProfessional: true },
    });
    const result = await query(theCase.leadProfessional?.email as string, childQuery, { id: childGlobalId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.child.givenName).toEqual(expect.any(String));
    expect(result.data?.child.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(result.data?.child.household.address).toBe("1 Invented Row, Kingsbridge");
  });
});

describe.each(["finance", "overseer", "budgets", "admin", "platform"])("%s staff", (role) => {
  const email = role === "platform" ? "platform@pathfinder.example" : as(role);

  it("never receive a child's name, date of birth or address, by the child's query or by node", async () => {
    const direct = await query(email, childQuery, { id: childGlobalId });
    expect(direct.data?.child ?? null).toBeNull();
    const byNode = await query(email, nodeQuery, { id: childGlobalId });
    expect(byNode.data?.node ?? null).toBeNull();
    expect(JSON.stringify([direct.data, byNode.data])).not.toMatch(/Invented Row|KV1 2AB/);
  });

  it("still receive the amounts, and no family names through a purchase request", async () => {
    const result = await query(email, purchasesQuery);
    const requests: any[] = result.data?.purchaseRequests.edges.map((edge: any) => edge.node) ?? [];
    if (role === "admin" || role === "platform") {
      // Administrators manage people and settings, not spending: they may list none at all.
      expect(JSON.stringify(result.data ?? {})).not.toMatch(/Morgan Example/);
    } else {
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.every((request) => Number.isInteger(request.total.pence))).toBe(true);
      expect(requests.flatMap((request) => request.items).every((item) => item.unitCost.pence > 0)).toBe(true);
    }
    for (const request of requests) {
      expect(request.cashSignedForBy).toBeNull();
      for (const child of request.case?.children ?? []) {
        expect(child).toEqual({ givenName: null, familyName: null, dateOfBirth: null });
      }
    }
    expect(JSON.stringify(result)).not.toContain("Morgan Example");
  });
});

describe("field-level protection, behind the row rules", () => {
  it("denies the identity fields to a platform administrator even though the row rules let them load the child", async () => {
    const result = await query("platform@pathfinder.example", childQuery, { id: childGlobalId });
    expect(result.data?.child).toBeNull();
    expect(result.errors?.map((error) => error.path?.join("."))).toEqual(expect.arrayContaining(["child.givenName"]));
  });

  it("gives finance the cash amount of a request but not who signed for it", async () => {
    const result = await query(as("finance"), purchasesQuery);
    const cash = result.data?.purchaseRequests.edges
      .map((edge: any) => edge.node)
      .find((request: any) => request.cashIssued !== null);
    expect(cash.cashIssued.pence).toBeGreaterThan(0);
    expect(cash.cashSignedForBy).toBeNull();
  });
});
