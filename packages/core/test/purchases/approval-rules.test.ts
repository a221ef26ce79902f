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

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedPurchaseWorld(database.db);
  await seedPurchaseWorld(database.db, "beta");
  api = createTestApi(database.db);
  purchases = purchaseApi(api);
  for (const who of ["lp", "lp2", "approver", "approver-south", "dual", "finance"])
    token[who] = await api.signIn(`${who}@alpha.test`, PASSWORD);
  token.betaApprover = await api.signIn("approver@beta.test", PASSWORD);
});
afterAll(() => database.drop());

async function submitted(who = "lp", caseId = world.caseId) {
  const draft = await purchases.create(
    token[who] as string,
    draftInput(world, [{ unitCost: 2_400 }], { caseId: globalId("Case", caseId) }),
  );
  const result = await purchases.submit(token[who] as string, draft.id);
  expect(result.status).toBe("AWAITING_DECISION");
  return draft.id as string;
}

const VIEWER_CAN = `query ($id: ID!) { node(id: $id) { ... on PurchaseRequest { viewerCan {
  approve { allowed reason } submit { allowed reason } withdraw { allowed reason } fulfil { allowed reason } } } } }`;
const viewerCan = async (who: string, id: string) =>
  (await api.graphql(VIEWER_CAN, { id }, token[who])).data?.node?.viewerCan;

describe("who may decide", () => {
  it("nobody decides on a request they raised, even when they hold the approver role", async () => {
    const id = await submitted("dual", world.dualCaseId);
    expect(await purchases.decide(token.dual as string, id, "APPROVE")).toMatchObject({
      code: "NOT_AUTHORISED",
      message: "You raised this request: someone else must decide it.",
    });
    expect((await viewerCan("dual", id)).approve).toEqual({
      allowed: false,
      reason: "You raised this request: someone else must decide it.",
    });
    expect((await purchases.decide(token.approver as string, id, "APPROVE")).status).toBe("APPROVED");
  });

  it("an approver of another area cannot decide, and is told whose decision it is", async () => {
    const id = await submitted();
    const result = await purchases.decide(token["approver-south"] as string, id, "APPROVE");
    expect(result).toMatchObject({ code: "NOT_FOUND" });
    const dualCan = await viewerCan("dual", id);
    expect(dualCan.approve).toEqual({ allowed: true, reason: null });
    expect(await viewerCan("lp2", id)).toBeUndefined();
  });

  it("an approver of another authority cannot see or decide the request", async () => {
    const id = await submitted();
    expect(await purchases.decide(token.betaApprover as string, id, "APPROVE")).toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await api.graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id }, token.betaApprover)).data?.node,
    ).toBeNull();
  });

  it("the queue awaiting my decision holds my area's requests, not my own nor other areas'", async () => {
    const mine = await submitted();
    const ownByDual = await submitted("dual", world.dualCaseId);
    const queue = async (who: string) =>
      (
        await api.graphql(
          `{ purchaseRequests(first: 100, awaitingMyDecision: true) { edges { node { id } } } }`,
          {},
          token[who],
        )
      ).data?.purchaseRequests.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(await queue("approver")).toEqual(expect.arrayContaining([mine, ownByDual]));
    const dualQueue = await queue("dual");
    expect(dualQueue).toContain(mine);
    expect(dualQueue).not.toContain(ownByDual);
    expect(await queue("approver-south")).toEqual([]);
    expect(await queue("lp")).toEqual([]);
  });

  it("viewerCan explains buttons in words", async () => {
    const id = await submitted();
    const lpCan = await viewerCan("lp", id);
    expect(lpCan.approve).toEqual({ allowed: false, reason: "You raised this request: someone else must decide it." });
    expect((await viewerCan("finance", id)).approve).toEqual({
      allowed: false,
      reason: "This needs the Approver for North, and you are not one (nor covering for one).",
    });
    expect(lpCan.submit).toEqual({
      allowed: false,
      reason: "The request is awaiting a decision, so it cannot be submitted.",
    });
    expect(lpCan.withdraw).toEqual({ allowed: true, reason: null });
    expect((await viewerCan("finance", id)).fulfil).toEqual({
      allowed: false,
      reason: "The request is awaiting a decision, so it cannot be fulfilled.",
    });
  });
});

describe("cover during leave", () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const ARRANGE = `mutation ($input: CoverInput!) { arrangeCover(input: $input) { __typename ... on Error { code message } } }`;

  it("a colleague covering decides in the approver's place, and the decision records both names", async () => {
    const arranged = await api.graphql(
      ARRANGE,
      {
        input: {
          delegateId: globalId("StaffUser", world.staff("approver-south")),
          startsOn: day(-1),
          endsOn: day(5),
          reason: "Annual leave",
        },
      },
      token.approver,
    );
    expect(arranged.data?.arrangeCover.__typename).toBe("MutationArrangeCoverSuccess");
    const south = await api.signIn("approver-south@alpha.test", PASSWORD);
    const id = await submitted();
    const decided = await purchases.decide(south, id, "APPROVE", "Covering for Ada");
    expect(decided.status).toBe("APPROVED");
    expect(decided.decisions[0]).toMatchObject({ decider: { name: "Sol South" }, onBehalfOf: { name: "Ada North" } });
  });

  it("both the approver and the colleague see the cover in force (myCover); nobody else does", async () => {
    const QUERY = "{ myCover { startsOn endsOn reason delegator { name } delegate { name } } }";
    const expected = [
      {
        startsOn: day(-1),
        endsOn: day(5),
        reason: "Annual leave",
        delegator: { name: "Ada North" },
        delegate: { name: "Sol South" },
      },
    ];
    expect((await api.graphql(QUERY, {}, token.approver)).data?.myCover).toEqual(expected);
    const south = await api.signIn("approver-south@alpha.test", PASSWORD);
    expect((await api.graphql(QUERY, {}, south)).data?.myCover).toEqual(expected);
    expect((await api.graphql(QUERY, {}, token.lp)).data?.myCover).toEqual([]);
  });

  it("expired cover grants nothing", async () => {
    await database.db.delegation.deleteMany();
    await api.graphql(
      ARRANGE,
      {
        input: {
          delegateId: globalId("StaffUser", world.staff("lp2")),
          startsOn: day(-10),
          endsOn: day(-2),
          reason: "Sickness",
        },
      },
      token.approver,
    );
    const lp2 = await api.signIn("lp2@alpha.test", PASSWORD);
    const id = await submitted();
    expect(await purchases.decide(lp2, id, "APPROVE")).toMatchObject({ code: "NOT_FOUND" });
  });

  it("cover that ends before it starts is refused", async () => {
    const result = await api.graphql(
      `mutation ($input: CoverInput!) { arrangeCover(input: $input) { __typename ... on ValidationError { issues { path message } } } }`,
      {
        input: {
          delegateId: globalId("StaffUser", world.staff("lp2")),
          startsOn: day(3),
          endsOn: day(1),
          reason: "Leave",
        },
      },
      token.approver,
    );
    expect(result.data?.arrangeCover.issues).toEqual([
      { path: "input.endsOn", message: "Cover must end on or after the day it starts" },
    ]);
  });
});

describe("submitting a request that breaks rules", () => {
  it("lists every reason at once and writes nothing", async () => {
    const bare = await database.db.case.create({
      data: {
        authorityId: world.authorityId,
        areaId: world.areas.get("North") as string,
        leadProfessionalId: world.staff("lp"),
        reference: "ALPHA-BARE",
      },
    });
    const draft = await purchases.create(
      token.lp as string,
      draftInput(world, [{ unitCost: 150_000 }], {
        caseId: globalId("Case", bare.id),
        otherFundingExplanation: "",
        intendedOutcomes: "  ",
      }),
    );
    const counts = async () => ({
      steps: await database.db.approvalStep.count({
        where: { purchaseRequestId: Buffer.from(draft.id, "base64").toString().split(":")[1] },
      }),
      ledger: await database.db.ledgerEntry.count(),
      audit: await database.db.auditEvent.count(),
    });
    const before = await counts();
    const result = await purchases.submit(token.lp as string, draft.id);
    expect(result.__typename).toBe("RulesBrokenError");
    expect(result.violations.map((violation: { code: string }) => violation.code)).toEqual([
      "NO_ASSESSMENT",
      "NO_INTENDED_OUTCOMES",
      "NO_OTHER_FUNDING_EXPLANATION",
      "OVER_BUDGET",
    ]);
    const budget = await database.db.budget.findUniqueOrThrow({ where: { id: world.budgetId } });
    const available = budget.allocated - budget.committed - budget.spent - budget.lapsed;
    expect(result.violations[3]).toEqual({
      code: "OVER_BUDGET",
      field: "items",
      message: `The request is for £1,500.00 but the budget has £${(available / 100).toFixed(2)} available.`,
    });
    expect(await counts()).toEqual(before);
    const reloaded = await api.graphql(
      `query ($id: ID!) { node(id: $id) { ... on PurchaseRequest { status } } }`,
      { id: draft.id },
      token.lp,
    );
    expect(reloaded.data?.node.status).toBe("DRAFT");
  });

  it("spending authority follows the case: after a handover the old lead professional cannot submit", async () => {
    const draft = await purchases.create(token.lp as string, draftInput(world, [{ unitCost: 1_000 }]));
    await database.db.case.update({ where: { id: world.caseId }, data: { leadProfessionalId: world.staff("lp2") } });
    try {
      const result = await purchases.submit(token.lp as string, draft.id);
      expect(result).toMatchObject({ code: "NOT_FOUND" });
      const again = await purchases.create(token.lp as string, draftInput(world, [{ unitCost: 1_000 }]));
      expect(again).toMatchObject({ code: "NOT_FOUND", field: "input.caseId" });
    } finally {
      await database.db.case.update({ where: { id: world.caseId }, data: { leadProfessionalId: world.staff("lp") } });
    }
  });

  it("a closed case takes no new requests", async () => {
    await database.db.case.update({ where: { id: world.caseId }, data: { status: "CLOSED" } });
    try {
      expect(await purchases.create(token.lp as string, draftInput(world, [{ unitCost: 1_000 }]))).toMatchObject({
        code: "NOT_LEAD_PROFESSIONAL",
      });
    } finally {
      await database.db.case.update({ where: { id: world.caseId }, data: { status: "OPEN" } });
    }
  });
});
