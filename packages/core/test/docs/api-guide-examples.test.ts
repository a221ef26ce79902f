import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/seed/demo-people.ts";
import { seedDemoData } from "../../src/seed/demo-seed.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { fillIn, guideExamples } from "./api-guide-examples.ts";

// Runs every example in docs/api.md, in order, against the real API and the demo data, so the
// guide cannot drift from the API. Each example's key results are checked here by its name.

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
const tokens = new Map<string, string>();
const answers = new Map<string, any>();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  api = createTestApi(database.db);
});
afterAll(() => database.drop());

const examples = guideExamples();

const keyResults: Record<string, (data: any) => void> = {
  SignIn: (data) => {
    expect(data.signIn.__typename).toBe("MutationSignInSuccess");
    expect(data.signIn.data.token).toEqual(expect.any(String));
  },
  SignInWithAWrongPassword: (data) => {
    expect(data.signIn).toEqual({
      __typename: "DomainError",
      code: "BAD_CREDENTIALS",
      message: "The e-mail address or password is not right.",
    });
  },
  MyAreas: (data) => {
    expect(data.me.name).toBe("Priya Lawson");
    expect(data.me.roles[0]).toMatchObject({ role: "LEAD_PROFESSIONAL", area: { name: "Northgate" } });
  },
  OpenCase: (data) => {
    expect(data.openCase.__typename).toBe("MutationOpenCaseSuccess");
    expect(data.openCase.data).toMatchObject({ status: "OPEN", children: [{ givenName: "Ellis" }] });
    expect(data.openCase.data.reference).toMatch(/^[A-Z]+-\d{4}-\d{4}$/);
  },
  RecordAssessment: (data) => {
    expect(data.recordAssessment.__typename).toBe("MutationRecordAssessmentSuccess");
    expect(data.recordAssessment.data).toMatchObject({ kind: "CAF", completedOn: "2026-01-12" });
  },
  AreaBudgets: (data) => {
    const [first] = data.budgets.edges;
    expect(first.node.scheme).toBe("core");
    expect(first.node.available.pence).toBeGreaterThan(9000);
  },
  RaiseRequest: (data) => {
    expect(data.createPurchaseRequest.__typename).toBe("MutationCreatePurchaseRequestSuccess");
    expect(data.createPurchaseRequest.data).toMatchObject({
      status: "DRAFT",
      total: { pence: 9000, formatted: "£90.00" },
    });
  },
  SubmitRequest: (data) => {
    expect(data.submitPurchaseRequest.__typename).toBe("MutationSubmitPurchaseRequestSuccess");
    expect(data.submitPurchaseRequest.data).toMatchObject({
      status: "AWAITING_DECISION",
      currentStep: { role: "APPROVER", area: { name: "Northgate" } },
    });
  },
  AwaitingMyDecision: (data) => {
    const raised = answers.get("RaiseRequest").createPurchaseRequest.data;
    const mine = data.purchaseRequests.edges.find((edge: any) => edge.node.id === raised.id);
    expect(mine.node).toMatchObject({ reference: raised.reference, viewerCan: { approve: { allowed: true } } });
  },
  Approve: (data) => {
    expect(data.decidePurchaseRequest.__typename).toBe("MutationDecidePurchaseRequestSuccess");
    expect(data.decidePurchaseRequest.data).toMatchObject({
      status: "APPROVED",
      decisions: [{ outcome: "APPROVED", decider: { name: "Tomasz Reid" } }],
    });
  },
  BudgetAndLedger: (data) => {
    const before = answers.get("AreaBudgets").budgets.edges[0].node.available.pence;
    expect(data.node.available.pence).toBe(before - 9000);
    expect(data.node.ledgerEntries.edges[0].node).toMatchObject({ kind: "COMMITMENT", amount: { pence: 9000 } });
  },
  SpendByArea: (data) => {
    const northgate = data.reports.spendByArea.find((row: any) => row.area === "Northgate");
    expect(northgate.granted).toBeGreaterThanOrEqual(1);
    expect(northgate.spend).toBeGreaterThanOrEqual(9000);
  },
};

describe("the API guide's examples (docs/api.md)", () => {
  it("has its key results checked here for every example, and no others", () => {
    expect(examples.map((example) => example.operationName).sort()).toEqual(Object.keys(keyResults).sort());
  });

  for (const example of examples) {
    it(`${example.operationName} runs as shown${example.as ? `, as ${example.as}` : ""}`, async () => {
      if (example.as && !tokens.has(example.as)) tokens.set(example.as, await api.signIn(example.as, DEMO_PASSWORD));
      const variables = fillIn(example.variables, answers) as Record<string, unknown>;
      const result = await api.graphql(example.query, variables, example.as ? tokens.get(example.as) : undefined);
      expect(result.errors).toBeUndefined();
      answers.set(example.operationName, result.data);
      keyResults[example.operationName]?.(result.data);
    });
  }
});
