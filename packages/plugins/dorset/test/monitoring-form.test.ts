// The three-part application and monitoring form: part one is the request; part two the
// co-ordinator completes once the grant is agreed, setting when part three is due, in proportion
// to the amount; part three is the outcome review.
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dorset from "../src/index.ts";
import { dorsetApi } from "./dorset-api.ts";
import { dorsetWorld } from "./dorset-world.ts";

let database: TestDatabase;
let api: ReturnType<typeof dorsetApi>;
let world: ReturnType<typeof dorsetWorld>;
let budgetId: string;
const LP = "lp@dorset.example";
const COORDINATOR = "coordinator-weymouth@dorset.example";
const EXCEPTIONAL = {
  dorset: { exceptional: true, exceptionalReason: "A package of counselling for the whole family." },
};
const day = (date: Date) => date.toISOString().slice(0, 10);
const daysFrom = (iso: string, days: number) => day(new Date(new Date(iso).getTime() + days * 86_400_000));
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [dorset]);
  api = dorsetApi(createTestApi(database.db, { plugins: [dorset] }));
  world = dorsetWorld(database);
  budgetId = await world.budgetOf("Weymouth & Portland");
});
afterAll(() => database.drop());

const approved = async (pence: number, extensions?: Record<string, unknown>) => {
  const request = await api.request(LP, { caseId: await world.newCase(), budgetId, pence, extensions });
  expect(request.status).toBe("AWAITING_DECISION");
  return api.decide(COORDINATOR, request.id);
};

describe("when part three falls due, in proportion to the amount", () => {
  it.each([
    [10_000, 4],
    [9_999, 4],
    [10_001, 8],
    [50_000, 8],
    [49_999, 8],
  ])("%i pence: %i weeks after approval", async (pence, weeks) => {
    const request = await approved(pence);
    expect(request.reviewDueOn).toBe(daysFrom(request.decidedAt, 7 * weeks));
  });

  it("above £500 (exceptional): 12 weeks", async () => {
    const request = await approved(50_001, EXCEPTIONAL);
    expect(request.reviewDueOn).toBe(daysFrom(request.decidedAt, 84));
  });
});

describe("part two, by the locality co-ordinator", () => {
  const partTwo = {
    serviceAgreed: "Ten swimming lessons at the leisure centre",
    serviceAgreedOn: today(),
    reviewProcess: "Phone call with the family",
  };

  it("is for the co-ordinator who decides the request, once it is agreed", async () => {
    const waiting = await api.request(LP, { caseId: await world.newCase(), budgetId, pence: 5_000 });
    expect(await api.recordAgreement(COORDINATOR, waiting.id, partTwo)).toMatchObject({
      __typename: "DorsetError",
      code: "NOT_AGREED",
    });
    await api.decide(COORDINATOR, waiting.id);
    expect(await api.recordAgreement(LP, waiting.id, partTwo)).toMatchObject({ code: "NOT_AUTHORISED" });
    expect(await api.recordAgreement("coordinator-west@dorset.example", waiting.id, partTwo)).toMatchObject({
      code: "NOT_AUTHORISED",
    });
  });

  it("records the service agreed and when part three is due, which becomes the request's review date", async () => {
    const request = await approved(5_000);
    const due = daysFrom(today(), 14);
    const recorded = await api.recordAgreement(COORDINATOR, request.id, {
      ...partTwo,
      reviewDueOn: due,
      notes: "Mother to share the certificates.",
    });
    expect(recorded.reviewDueOn).toBe(due);
    expect(recorded.form).toMatchObject({
      exceptional: false,
      partThreeDueOn: due,
      partTwo: {
        ...partTwo,
        reviewDueOn: due,
        notes: "Mother to share the certificates.",
        recordedBy: "Rosalind Hardcastle",
      },
      partThree: null,
    });
    const audit = await database.db.auditEvent.findFirst({ where: { action: "dorset.agreement.record" } });
    expect(audit?.summary).toContain("Ten swimming lessons at the leisure centre");
  });

  it("left without a date, part three stays due on the date set on approval", async () => {
    const request = await approved(20_000);
    const recorded = await api.recordAgreement(COORDINATOR, request.id, partTwo);
    expect(recorded.form.partTwo.reviewDueOn).toBe(request.reviewDueOn);
  });

  it("refuses an empty service, a future agreement and a review date already past", async () => {
    const request = await approved(3_000);
    expect(await api.recordAgreement(COORDINATOR, request.id, { ...partTwo, serviceAgreed: " " })).toMatchObject({
      code: "INVALID_INPUT",
      field: "input.serviceAgreed",
    });
    expect(
      await api.recordAgreement(COORDINATOR, request.id, { ...partTwo, serviceAgreedOn: daysFrom(today(), 1) }),
    ).toMatchObject({ code: "DATE_IN_FUTURE", field: "input.serviceAgreedOn" });
    expect(
      await api.recordAgreement(COORDINATOR, request.id, { ...partTwo, reviewDueOn: daysFrom(today(), -1) }),
    ).toMatchObject({ code: "REVIEW_DATE_PASSED", field: "input.reviewDueOn" });
  });
});

describe("part three, at review", () => {
  it("carries the outcome, the family's comments, other notes, the date and who signed", async () => {
    const request = await approved(4_000);
    const finance = "finance@dorset.example";
    await api.spendAndReview({ lead: LP, finance }, request.id, 4_000, {
      outcomeAchieved: "Kezia swims 25 metres and has joined the club.",
      familyComments: "She loves it.",
      otherNotes: "No further support needed.",
    });
    expect((await api.form(LP, request.id)).partThree).toEqual({
      outcomeAchieved: "Kezia swims 25 metres and has joined the club.",
      familyComments: "She loves it.",
      otherNotes: "No further support needed.",
      signedBy: "Harriet Colebrook",
    });
  });
});

describe("the form is Dorset's", () => {
  it("an authority that does not run Dorset's scheme is refused the field and the mutation", async () => {
    const kingsbridge = "lp@kingsbridge.example";
    const own = await api.query(kingsbridge, "{ purchaseRequests(first: 1) { edges { node { id } } } }");
    const id = own.data?.purchaseRequests.edges[0].node.id;
    const form = await api.form(kingsbridge, id);
    expect(form.errors?.[0]).toMatchObject({
      message: 'Your authority does not run the "dorset" scheme.',
      extensions: { code: "NOT_AUTHORISED" },
    });
    const agreement = await api.recordAgreement("approver@kingsbridge.example", id, {
      serviceAgreed: "x",
      serviceAgreedOn: today(),
      reviewProcess: "y",
    });
    expect(agreement.errors?.[0]).toMatchObject({ extensions: { code: "NOT_AUTHORISED" } });
  });
});
