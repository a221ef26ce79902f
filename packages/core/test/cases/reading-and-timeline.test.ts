import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import {
  type CaseApi,
  createCaseApi,
  dayFromToday,
  globalId,
  newChild,
  openedCase,
  rowId,
} from "./support/case-api.ts";
import { type CaseWorld, seedCaseWorld } from "./support/case-world.ts";

let database: TestDatabase;
let world: CaseWorld;
let cases: CaseApi;
let theCase: Record<string, any>;
const LP = "lp@alpha.test";

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedCaseWorld(database.db);
  cases = createCaseApi(database.db);
  theCase = await openedCase(cases, LP, {
    areaId: globalId("Area", world.alpha.area("North")),
    children: [newChild("Lowri", "Adeyemi", "2019-05-05")],
  });
});
afterAll(() => database.drop());

const reads = (action: string, entityId: string) => database.db.auditEvent.findMany({ where: { action, entityId } });

describe("reading a record", () => {
  it("logs a case.read for whoever opens the case, before it is returned", async () => {
    const result = await cases.query("approver@alpha.test", `query ($id: ID!) { case(id: $id) { reference } }`, {
      id: theCase.id,
    });
    expect(result.data?.case.reference).toBe(theCase.reference);
    expect(await reads("case.read", rowId(theCase.id))).toMatchObject([
      {
        actorId: world.alpha.staff("approver@alpha.test"),
        entityType: "Case",
        caseId: rowId(theCase.id),
        summary: `Viewed case ${theCase.reference}`,
      },
    ]);
  });

  it("logs a child.read, without the child's name, when a child's record is opened", async () => {
    const childId = theCase.children[0].id;
    const result = await cases.query(LP, `query ($id: ID!) { child(id: $id) { givenName } }`, { id: childId });
    expect(result.data?.child).toEqual({ givenName: "Lowri" });
    const [event] = await reads("child.read", rowId(childId));
    expect(event).toMatchObject({
      actorId: world.alpha.staff(LP),
      entityType: "Child",
      summary: "Viewed a child's record",
    });
  });

  it("logs nothing for lists, or for records the viewer may not see", async () => {
    const before = await database.db.auditEvent.count();
    await cases.query(LP, `{ cases(first: 10) { edges { node { reference children { givenName } } } } }`);
    await cases.query("lp2@alpha.test", `query ($id: ID!) { case(id: $id) { id } }`, { id: theCase.id });
    await cases.query("finance@alpha.test", `query ($id: ID!) { child(id: $id) { id } }`, {
      id: theCase.children[0].id,
    });
    expect(await database.db.auditEvent.count()).toBe(before);
  });

  it("fails the read if the read cannot be logged", async () => {
    // A trigger that refuses case.read events stands in for any failure of the audit write.
    await database.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_case_reads() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`);
    await database.db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_case_reads BEFORE INSERT ON audit_event
      FOR EACH ROW WHEN (NEW.action = 'case.read') EXECUTE FUNCTION refuse_case_reads()`);
    try {
      const result = await cases.query(LP, `query ($id: ID!) { case(id: $id) { reference plan } }`, { id: theCase.id });
      expect(result.data?.case ?? null).toBeNull();
      expect(result.errors?.length).toBeGreaterThan(0);
    } finally {
      await database.db.$executeRawUnsafe(`DROP TRIGGER refuse_case_reads ON audit_event`);
      await database.db.$executeRawUnsafe(`DROP FUNCTION refuse_case_reads()`);
    }
  });
});

describe("the case's timeline", () => {
  const timeline = async (email: string, args = "first: 20") =>
    (
      await cases.query(
        email,
        `query ($id: ID!) { case(id: $id) { timeline(${args}) {
        pageInfo { hasNextPage endCursor } edges { node { action summary at actor { name } } } } } }`,
        { id: theCase.id },
      )
    ).data?.case?.timeline;

  it("lists what happened, newest first, with readable summaries and who did it, but no reads", async () => {
    await cases.recordAssessment(LP, {
      caseId: theCase.id,
      kind: "CAF",
      completedOn: dayFromToday(-1),
      priorityNeeds: ["Speech", "Sleep"],
    });
    await cases.recordTeamMeeting(LP, { caseId: theCase.id, heldOn: dayFromToday(0), attendees: ["Nadia Kowalski"] });
    await cases.recordUnmetNeed(LP, {
      caseId: theCase.id,
      category: "TRANSPORT",
      description: "Taxi to hospital",
      estimatedCost: 2_450,
    });
    await cases.updateCasePlan(LP, theCase.id, "Speech therapy; sleep clinic.");
    await cases.handOverCase(LP, theCase.id, globalId("StaffUser", world.alpha.staff("lp2@alpha.test")));
    await cases.closeCase("lp2@alpha.test", theCase.id, "Needs met.");

    const events = (await timeline("lp2@alpha.test")).edges.map((edge: any) => edge.node);
    expect(events.map((event: any) => [event.action, event.summary, event.actor.name])).toEqual([
      ["case.close", `Closed case ${theCase.reference}: Needs met.`, "Rhys Bello"],
      ["case.hand-over", `Handed case ${theCase.reference} over to Rhys Bello`, "Nadia Kowalski"],
      ["case.plan.update", `Updated the plan of case ${theCase.reference}`, "Nadia Kowalski"],
      ["unmet-need.record", "Recorded an unmet need for transport (about £24.50)", "Nadia Kowalski"],
      [
        "meeting.record",
        `Recorded a Team Around the Child meeting held on ${dayFromToday(0)} with one attendee`,
        "Nadia Kowalski",
      ],
      [
        "assessment.record",
        `Recorded a CAF assessment completed on ${dayFromToday(-1)} with 2 priority needs`,
        "Nadia Kowalski",
      ],
      ["case.open", `Opened case ${theCase.reference} in North for one child`, "Nadia Kowalski"],
    ]);
    const times = events.map((event: any) => Date.parse(event.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it("pages", async () => {
    const first = await timeline("lp2@alpha.test", "first: 2");
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await timeline("lp2@alpha.test", `first: 20, after: "${first.pageInfo.endCursor}"`);
    expect(rest.edges.map((edge: any) => edge.node.action)).toEqual([
      "case.plan.update",
      "unmet-need.record",
      "meeting.record",
      "assessment.record",
      "case.open",
    ]);
  });

  it("is not there for someone who may not read the case", async () => {
    expect(await timeline(LP)).toBeUndefined();
  });
});

describe("reading by global ID", () => {
  it("node(id) and nodes(ids) log a case.read / child.read just like case(id) and child(id)", async () => {
    const caseRow = await database.db.case.findUniqueOrThrow({
      where: { id: rowId(theCase.id) },
      include: { children: true },
    });
    const childId = globalId("Child", caseRow.children[0]?.childId as string);
    const before = {
      cases: (await reads("case.read", caseRow.id)).length,
      children: (await reads("child.read", rowId(childId))).length,
    };
    // The case was handed over to lp2 by the timeline tests above.
    const single = await cases.query("lp2@alpha.test", `query ($id: ID!) { node(id: $id) { id } }`, { id: theCase.id });
    expect(single.data?.node?.id).toBe(theCase.id);
    await cases.query("lp2@alpha.test", `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [theCase.id, childId],
    });
    expect((await reads("case.read", caseRow.id)).length).toBe(before.cases + 2);
    expect((await reads("child.read", rowId(childId))).length).toBe(before.children + 1);
  });

  it("a node the viewer may not see logs nothing", async () => {
    const before = (await reads("case.read", rowId(theCase.id))).length;
    const result = await cases.query("finance@alpha.test", `query ($id: ID!) { node(id: $id) { id } }`, {
      id: theCase.id,
    });
    expect(result.data?.node).toBeNull();
    expect((await reads("case.read", rowId(theCase.id))).length).toBe(before);
  });
});
