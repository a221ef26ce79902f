// A client may ask a mutation's result for nothing but its __typename; that must still work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { globalId, PASSWORD, type PurchaseWorld, seedPurchaseWorld } from "./purchases/support/purchase-world.ts";
import { createTestApi } from "./support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

let database: TestDatabase;
let world: PurchaseWorld;
let api: ReturnType<typeof createTestApi>;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db);
  api = createTestApi(database.db);
});
afterAll(() => database.drop());

describe("mutations asked only for __typename", () => {
  it("record an assessment", async () => {
    const token = await api.signIn("lp@alpha.test", PASSWORD);
    const result = await api.graphql(
      `mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { __typename } }`,
      {
        input: {
          caseId: globalId("Case", world.caseId),
          kind: "CAF",
          completedOn: "2026-06-01",
          priorityNeeds: ["Warm clothing"],
        },
      },
      token,
    );
    expect(result).toEqual({ data: { recordAssessment: { __typename: "MutationRecordAssessmentSuccess" } } });
  });

  it("allocate to a budget", async () => {
    const token = await api.signIn("budgets@alpha.test", PASSWORD);
    const result = await api.graphql(
      `mutation ($id: ID!) { allocateToBudget(budgetId: $id, amount: 100) { __typename } }`,
      { id: globalId("Budget", world.budgetId) },
      token,
    );
    expect(result).toEqual({ data: { allocateToBudget: { __typename: "MutationAllocateToBudgetSuccess" } } });
  });
});
