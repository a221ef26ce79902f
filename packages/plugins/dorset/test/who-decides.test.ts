// "Locality co-ordinators will hold the budget and have decision-making responsibilities (in
// localities where co-ordinators have not yet been appointed, co-ordinators in other areas can
// advise and agree local grants)."
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dorset from "../src/index.ts";
import { dorsetApi } from "./dorset-api.ts";
import { dorsetWorld } from "./dorset-world.ts";

let database: TestDatabase;
let api: ReturnType<typeof dorsetApi>;
let world: ReturnType<typeof dorsetWorld>;
const LP = "lp@dorset.example";
const LP_PURBECK = "lp-purbeck@dorset.example";
const WEYMOUTH = "coordinator-weymouth@dorset.example";
const WEST = "coordinator-west@dorset.example";

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [dorset]);
  api = dorsetApi(createTestApi(database.db, { plugins: [dorset] }));
  world = dorsetWorld(database);
});
afterAll(() => database.drop());

const awaitingMyDecision = async (email: string) => {
  const result = await api.query(email, "{ purchaseRequests(awaitingMyDecision: true) { edges { node { id } } } }");
  return result.data?.purchaseRequests.edges.map((edge: { node: { id: string } }) => edge.node.id);
};

describe("a locality with a co-ordinator", () => {
  it("its co-ordinator decides, under the rules in force; another locality's co-ordinator cannot", async () => {
    const caseId = await world.newCase({ locality: "Weymouth & Portland" });
    const request = await api.request(LP, {
      caseId,
      budgetId: await world.budgetOf("Weymouth & Portland"),
      pence: 25_000,
    });
    expect(request).toMatchObject({
      status: "AWAITING_DECISION",
      rulesVersion: "dorset@1.0.0/settings-1",
      steps: [{ label: "Locality co-ordinator", status: "PENDING", area: { name: "Weymouth & Portland" } }],
    });
    expect(await awaitingMyDecision(WEST)).not.toContain(request.id);
    expect(await api.decide(WEST, request.id)).toMatchObject({ code: "NOT_FOUND" });
    expect(await awaitingMyDecision(WEYMOUTH)).toContain(request.id);
    const approved = await api.decide(WEYMOUTH, request.id);
    expect(approved).toMatchObject({
      status: "APPROVED",
      decisions: [
        {
          outcome: "APPROVED",
          role: "APPROVER",
          rulesVersion: "dorset@1.0.0/settings-1",
          decider: { name: "Rosalind Hardcastle" },
        },
      ],
    });
  });

  it("the lead professional never decides their own request", async () => {
    const caseId = await world.newCase({ locality: "Weymouth & Portland" });
    const request = await api.request(LP, {
      caseId,
      budgetId: await world.budgetOf("Weymouth & Portland"),
      pence: 1_000,
    });
    expect((await api.decide(LP, request.id)).code).toMatch(/NOT_FOUND|NOT_AUTHORISED/);
  });
});

describe("a locality without a co-ordinator (Purbeck, in the demo)", () => {
  let requestId: string;

  it("puts the request to any locality's co-ordinator", async () => {
    const caseId = await world.newCase({ locality: "Purbeck", lead: LP_PURBECK });
    const request = await api.request(LP_PURBECK, { caseId, budgetId: await world.budgetOf("Purbeck"), pence: 30_000 });
    expect(request).toMatchObject({
      status: "AWAITING_DECISION",
      steps: [{ label: "Locality co-ordinator (any locality)", status: "PENDING", area: null }],
    });
    requestId = request.id;
    expect(await awaitingMyDecision(WEST)).toContain(requestId);
    expect(await awaitingMyDecision(WEYMOUTH)).toContain(requestId);
  });

  it("a co-ordinator of another locality can see the request (not the case record) and agree it from Purbeck's budget", async () => {
    const seen = await api.query(
      WEST,
      `query ($id: ID!) { node(id: $id) { ... on PurchaseRequest { budget { area { name } available { pence } } intendedOutcomes case { reference } } } }`,
      { id: requestId },
    );
    expect(seen.data?.node).toMatchObject({
      budget: { area: { name: "Purbeck" } },
      intendedOutcomes: expect.stringContaining("swims"),
      case: null,
    });
    const approved = await api.decide(WEST, requestId);
    expect(approved).toMatchObject({ status: "APPROVED", decisions: [{ decider: { name: "Gideon Marsh-Tilley" } }] });
    const purbeck = await database.db.budget.findUniqueOrThrow({ where: { id: await world.budgetOf("Purbeck") } });
    expect(purbeck.committed).toBe(30_000);
    // And completes part two of the form, as Purbeck's co-ordinator would have.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
    const partTwo = { serviceAgreed: "Travel to college for a term", serviceAgreedOn: today, reviewProcess: "Visit" };
    expect((await api.recordAgreement(WEST, requestId, partTwo)).form.partTwo).toMatchObject({
      recordedBy: "Gideon Marsh-Tilley",
    });
  });

  it("nobody else may: the lead professional, finance or a stranger to Dorset's rules", async () => {
    const caseId = await world.newCase({ locality: "Purbeck", lead: LP_PURBECK });
    const request = await api.request(LP_PURBECK, { caseId, budgetId: await world.budgetOf("Purbeck"), pence: 1_000 });
    expect((await api.decide(LP_PURBECK, request.id)).code).toMatch(/NOT_FOUND|NOT_AUTHORISED/);
    expect((await api.decide("finance@dorset.example", request.id)).code).toMatch(/NOT_FOUND|NOT_AUTHORISED/);
    // Kingsbridge's approvers are another authority's: they cannot even find it.
    expect((await api.decide("approver@kingsbridge.example", request.id)).code).toBe("NOT_FOUND");
  });

  it("once Purbeck has its own co-ordinator, Purbeck's new requests go to them alone", async () => {
    const db = database.db;
    const west = await db.staffUser.findUniqueOrThrow({ where: { email: WEST } });
    const purbeck = await db.area.findFirstOrThrow({ where: { authorityId: west.authorityId, name: "Purbeck" } });
    const appointed = await db.staffUser.create({
      data: {
        authorityId: west.authorityId,
        email: "coordinator-purbeck@dorset.example",
        name: "Lorna Kimmeridge",
        passwordHash: west.passwordHash,
      },
    });
    await db.roleAssignment.create({
      data: { authorityId: west.authorityId, staffUserId: appointed.id, role: "APPROVER", areaId: purbeck.id },
    });
    const caseId = await world.newCase({ locality: "Purbeck", lead: LP_PURBECK });
    const request = await api.request(LP_PURBECK, { caseId, budgetId: await world.budgetOf("Purbeck"), pence: 1_000 });
    expect(request.steps).toEqual([{ label: "Locality co-ordinator", status: "PENDING", area: { name: "Purbeck" } }]);
    expect(await api.decide(WEST, request.id)).toMatchObject({ code: "NOT_FOUND" });
    expect((await api.decide("coordinator-purbeck@dorset.example", request.id)).status).toBe("APPROVED");
  });
});
