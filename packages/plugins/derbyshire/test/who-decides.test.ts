// The area's decision advisor releases the money; each area's steering group oversees its spend
// and decides nothing; no limit per purchase is stated, so only the budget bounds a request.
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import derbyshire from "../src/index.ts";
import { derbyshireApi, derbyshireWorld, globalId } from "./derbyshire-api.ts";

let database: TestDatabase;
let api: ReturnType<typeof derbyshireApi>;
let world: ReturnType<typeof derbyshireWorld>;
let glossopBudget: string;
let swadlincoteBudget: string;
let glossopRequest: string;
let swadlincoteRequest: string;
const LP = "lp@derbyshire.example";
const LP_SWADLINCOTE = "lp-swadlincote@derbyshire.example";
const ADVISOR = "advisor-glossop@derbyshire.example";
const STEERING = "steering-glossop@derbyshire.example";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [derbyshire]);
  api = derbyshireApi(createTestApi(database.db, { plugins: [derbyshire] }));
  world = derbyshireWorld(database);
  glossopBudget = await world.budgetOf("Glossop");
  swadlincoteBudget = await world.budgetOf("Swadlincote");
});
afterAll(() => database.drop());

describe("the decision advisor", () => {
  it("of the case's area is the one step; another area's advisor cannot decide", async () => {
    const request = await api.request(LP, await world.newCase(), glossopBudget, 26_000);
    expect(request).toMatchObject({
      status: "AWAITING_DECISION",
      currentStep: { label: "Decision advisor", area: { name: "Glossop" } },
      rulesVersion: "derbyshire@1.0.0/settings-1",
    });
    glossopRequest = request.id;
    expect(await api.decide("advisor-swadlincote@derbyshire.example", request.id)).toMatchObject({ code: "NOT_FOUND" });
    expect(await api.decide(ADVISOR, request.id)).toMatchObject({
      status: "APPROVED",
      decisions: [
        {
          outcome: "APPROVED",
          role: "APPROVER",
          decider: { name: "Marcus Hadfield" },
          rulesVersion: "derbyshire@1.0.0/settings-1",
        },
      ],
    });
  });

  it("no limit per purchase: £5,000.00 goes to the advisor like £2.60", async () => {
    expect((await api.request(LP, await world.newCase(), glossopBudget, 500_000)).currentStep).toEqual({
      label: "Decision advisor",
      area: { name: "Glossop" },
    });
    expect((await api.request(LP, await world.newCase(), glossopBudget, 260)).currentStep).toEqual({
      label: "Decision advisor",
      area: { name: "Glossop" },
    });
  });
});

describe("the steering group of an area", () => {
  it("reads its area's requests and budget amounts", async () => {
    const other = await api.request(
      LP_SWADLINCOTE,
      await world.newCase([{}], "Swadlincote", LP_SWADLINCOTE),
      swadlincoteBudget,
      4_000,
    );
    swadlincoteRequest = other.id;
    const listed = await api.query(
      STEERING,
      "{ purchaseRequests { edges { node { id total { pence } case { reference } } } } }",
    );
    const ids = listed.data?.purchaseRequests.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toContain(glossopRequest);
    expect(
      listed.data?.purchaseRequests.edges.every((edge: { node: { case: unknown } }) => edge.node.case === null),
    ).toBe(true);
    const budget = await api.query(
      STEERING,
      `query ($id: ID!) { node(id: $id) { ... on Budget { allocated { pence } committed { pence } available { pence } } } }`,
      { id: globalId("Budget", glossopBudget) },
    );
    expect(budget.data?.node).toMatchObject({ allocated: { pence: 2_000_000 } });
  });

  it("does not read another area's requests or budget", async () => {
    const listed = await api.query(STEERING, "{ purchaseRequests { edges { node { id } } } }");
    expect(listed.data?.purchaseRequests.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(
      swadlincoteRequest,
    );
    const request = await api.query(STEERING, `query ($id: ID!) { node(id: $id) { id } }`, { id: swadlincoteRequest });
    expect(request.data?.node).toBeNull();
    const budget = await api.query(
      STEERING,
      `query ($id: ID!) { node(id: $id) { ... on Budget { allocated { pence } } } }`,
      { id: globalId("Budget", swadlincoteBudget) },
    );
    expect(budget.data?.node).toBeNull();
  });

  it("cannot decide, not even in its own area", async () => {
    const request = await api.request(LP, await world.newCase(), glossopBudget, 1_000);
    expect((await api.decide(STEERING, request.id)).code).toMatch(/NOT_FOUND|NOT_AUTHORISED/);
    const permissions = await api.query(
      STEERING,
      `query ($id: ID!) { node(id: $id) { ... on PurchaseRequest { viewerCan { approve { allowed } } } } }`,
      { id: request.id },
    );
    expect(permissions.data?.node.viewerCan.approve.allowed).toBe(false);
  });
});

describe("the budget, the only bound", () => {
  it("only the area's budget bounds a request: all that is left is allowed, a penny more is not", async () => {
    const budget = await database.db.budget.findUniqueOrThrow({ where: { id: glossopBudget } });
    const available = budget.allocated - budget.committed - budget.spent - budget.lapsed;
    const over = await api.request(LP, await world.newCase(), glossopBudget, available + 1);
    expect(over.violations.map((v: { code: string }) => v.code)).toEqual(["OVER_BUDGET"]);
    const all = await api.request(LP, await world.newCase(), glossopBudget, available);
    expect(all.status).toBe("AWAITING_DECISION");
    expect((await api.decide(ADVISOR, all.id)).status).toBe("APPROVED");
  });
});
