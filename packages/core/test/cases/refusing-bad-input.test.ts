import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { type CaseApi, createCaseApi, dayFromToday, globalId, newChild, openedCase } from "./support/case-api.ts";
import { type CaseWorld, rowCounts, seedCaseWorld } from "./support/case-world.ts";

let database: TestDatabase;
let world: CaseWorld;
let cases: CaseApi;
let caseId: string;
let before: Awaited<ReturnType<typeof rowCounts>>;
const LP = "lp@alpha.test";

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedCaseWorld(database.db);
  cases = createCaseApi(database.db);
  const opened = await openedCase(cases, LP, {
    areaId: globalId("Area", world.alpha.area("North")),
    children: [newChild("Zara", "Whitfield", "2018-10-10")],
  });
  caseId = opened.id;
});
afterAll(() => database.drop());

// Every refusal below must leave every case table exactly as it was, audit log included.
beforeEach(async () => {
  before = await rowCounts(database.db);
  return async () => expect(await rowCounts(database.db)).toEqual(before);
});

const north = () => globalId("Area", world.alpha.area("North"));
const issuesOf = (result: Record<string, any>) => {
  expect(result.__typename).toBe("ValidationError");
  return Object.fromEntries(
    result.issues.map((issue: { path: string; message: string }) => [issue.path, issue.message]),
  );
};

describe("opening a case with bad input", () => {
  it("refuses a date of birth in the future, against that child's field", async () => {
    const result = await cases.openCase(LP, {
      areaId: north(),
      children: [newChild("Maya", "Osei", "2020-01-01"), newChild("Ben", "Osei", dayFromToday(1))],
    });
    expect(issuesOf(result)).toEqual({ "input.children.1.dateOfBirth": "A date of birth cannot be in the future." });
  });

  it("refuses no children, and more than six", async () => {
    expect(issuesOf(await cases.openCase(LP, { areaId: north(), children: [] }))).toEqual({
      "input.children": "Add the child the case is for.",
    });
    const seven = Array.from({ length: 7 }, (_, i) => newChild(`Child${i}`, "Okoro", "2015-05-05"));
    expect(issuesOf(await cases.openCase(LP, { areaId: north(), children: seven }))).toEqual({
      "input.children": "A case can be for at most six children; open another case for the rest.",
    });
  });

  it("names each missing detail of a new child", async () => {
    const result = await cases.openCase(LP, { areaId: north(), children: [{ givenName: "  ", lookedAfter: true }] });
    expect(issuesOf(result)).toMatchObject({ "input.children.0.givenName": "Enter the child's given name." });
    const missing = await cases.openCase(LP, { areaId: north(), children: [{ lookedAfter: true }] });
    expect(issuesOf(missing)).toEqual({
      "input.children.0.givenName": "Enter the child's given name.",
      "input.children.0.familyName": "Enter the child's family name.",
      "input.children.0.dateOfBirth": "Enter the child's date of birth.",
    });
  });

  it("refuses a child given both as existing and as new", async () => {
    const zara = await database.db.child.findFirstOrThrow({ where: { givenName: "Zara" } });
    const result = await cases.openCase(LP, {
      areaId: north(),
      children: [{ existingChildId: globalId("Child", zara.id), givenName: "Zara" }],
    });
    expect(issuesOf(result)).toEqual({
      "input.children.0.existingChildId": "Choose a child already on record or enter a new child's details, not both.",
    });
  });

  it("refuses the same existing child twice", async () => {
    const zara = globalId("Child", (await database.db.child.findFirstOrThrow({ where: { givenName: "Zara" } })).id);
    const result = await cases.openCase(LP, {
      areaId: north(),
      children: [{ existingChildId: zara }, { existingChildId: zara }],
    });
    expect(result).toMatchObject({ code: "DUPLICATE_CHILD", field: "input.children.1.existingChildId" });
  });

  it("refuses an unknown area, another authority's area, and an id that is not an area", async () => {
    const child = [newChild("Maya", "Osei", "2020-01-01")];
    for (const areaId of [
      globalId("Area", randomUUID()),
      globalId("Area", world.beta.area("North")),
      globalId("StaffUser", world.alpha.staff(LP)),
      globalId("Area", "not-a-uuid"),
    ]) {
      const result = await cases.openCase(LP, { areaId, children: child });
      expect(result).toMatchObject({ __typename: "DomainError", code: "NOT_FOUND", field: "input.areaId" });
    }
  });

  it("writes nothing when a later child fails after earlier children were created", async () => {
    // The first (new) child is inserted before the second (unknown) one is looked up: the
    // transaction must take the first child back out.
    const result = await cases.openCase(LP, {
      areaId: north(),
      children: [newChild("Maya", "Osei", "2020-01-01"), { existingChildId: globalId("Child", randomUUID()) }],
    });
    expect(result).toMatchObject({ code: "NOT_FOUND", field: "input.children.1.existingChildId" });
  });
});

describe("recording work with bad input", () => {
  const assessment = (extra: Record<string, unknown>) => ({
    caseId,
    kind: "CAF",
    completedOn: dayFromToday(-3),
    priorityNeeds: ["Safe sleeping"],
    ...extra,
  });

  it("refuses an assessment completed in the future, against completedOn", async () => {
    const result = await cases.recordAssessment(LP, assessment({ completedOn: dayFromToday(1) }));
    expect(issuesOf(result)).toEqual({ "input.completedOn": "An assessment cannot be completed in the future." });
  });

  it("refuses no priority needs, a blank one, and more than ten", async () => {
    expect(issuesOf(await cases.recordAssessment(LP, assessment({ priorityNeeds: [] })))).toEqual({
      "input.priorityNeeds": "Record at least one priority need.",
    });
    expect(issuesOf(await cases.recordAssessment(LP, assessment({ priorityNeeds: ["Housing", "   "] })))).toEqual({
      "input.priorityNeeds.1": "A priority need cannot be blank.",
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `Need ${i + 1}`);
    expect(issuesOf(await cases.recordAssessment(LP, assessment({ priorityNeeds: eleven })))).toEqual({
      "input.priorityNeeds": "Record at most ten priority needs: the plan should focus on the most important.",
    });
  });

  it("refuses a case id of another type or authority", async () => {
    const result = await cases.recordAssessment(LP, assessment({ caseId: globalId("Child", randomUUID()) }));
    expect(result).toMatchObject({ code: "NOT_FOUND", field: "input.caseId" });
  });

  it("refuses a meeting in the future or with nobody there", async () => {
    const result = await cases.recordTeamMeeting(LP, { caseId, heldOn: dayFromToday(2), attendees: [] });
    expect(issuesOf(result)).toEqual({
      "input.heldOn": "Record a meeting once it has been held, not before.",
      "input.attendees": "Record at least one person who attended.",
    });
  });

  it("refuses a negative estimated cost and a blank description for an unmet need", async () => {
    const result = await cases.recordUnmetNeed(LP, {
      caseId,
      category: "TRANSPORT",
      description: " ",
      estimatedCost: -500,
    });
    expect(issuesOf(result)).toEqual({
      "input.description": "Describe the need that could not be met.",
      "input.estimatedCost": "An estimated cost cannot be negative.",
    });
  });

  it("refuses a blank plan and a blank closure reason", async () => {
    expect(issuesOf(await cases.updateCasePlan(LP, caseId, "  "))).toEqual({
      plan: "Write the plan, or keep the one there.",
    });
    expect(issuesOf(await cases.closeCase(LP, caseId, ""))).toEqual({
      reason: "Say why the case is closing, e.g. the plan's outcomes were met.",
    });
  });
});
