import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { type CaseApi, createCaseApi, dayFromToday, globalId, newChild, openedCase } from "./support/case-api.ts";
import { type CaseWorld, rowCounts, seedCaseWorld } from "./support/case-world.ts";

let database: TestDatabase;
let world: CaseWorld;
let cases: CaseApi;
let caseId: string;
const LP = "lp@alpha.test";

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedCaseWorld(database.db);
  cases = createCaseApi(database.db);
  const opened = await openedCase(cases, LP, {
    areaId: globalId("Area", world.alpha.area("North")),
    children: [newChild("Efe", "Lundgren", "2020-02-29")],
  });
  caseId = opened.id;
});
afterAll(() => database.drop());

const readCase = async (email: string, fields: string) =>
  (await cases.query(email, `query ($id: ID!) { case(id: $id) { ${fields} } }`, { id: caseId })).data?.case;

describe("the lead professional recording work on an open case", () => {
  it("records a CAF assessment, trimming its priority needs, and it becomes the latest", async () => {
    const older = await cases.recordAssessment(LP, {
      caseId,
      kind: "SPECIALIST",
      completedOn: dayFromToday(-60),
      priorityNeeds: ["Speech and language"],
    });
    expect(older.__typename).toBe("MutationRecordAssessmentSuccess");
    const result = await cases.recordAssessment(LP, {
      caseId,
      kind: "CAF",
      completedOn: dayFromToday(0),
      priorityNeeds: ["  A bed of her own ", "Nursery place"],
    });
    expect(result.data).toMatchObject({
      kind: "CAF",
      completedOn: dayFromToday(0),
      priorityNeeds: ["A bed of her own", "Nursery place"],
      documentId: null,
    });
    const read = await readCase(
      LP,
      "latestAssessment { kind completedOn } assessments(first: 5) { edges { node { kind } } }",
    );
    expect(read.latestAssessment).toEqual({ kind: "CAF", completedOn: dayFromToday(0) });
    expect(read.assessments.edges.map((edge: any) => edge.node.kind)).toEqual(["CAF", "SPECIALIST"]);
  });

  it("attaches the assessment form as an Attachment global ID", async () => {
    const lp = world.alpha.staff(LP);
    const form = await database.db.attachment.create({
      data: {
        authorityId: world.alpha.authorityId,
        kind: "ASSESSMENT",
        filename: "caf.pdf",
        contentType: "application/pdf",
        size: 10,
        sha256: "0".repeat(64),
        storageKey: "test-caf",
        uploadedById: lp,
      },
    });
    const result = await cases.recordAssessment(LP, {
      caseId,
      kind: "CAF",
      completedOn: dayFromToday(-1),
      priorityNeeds: ["Housing"],
      documentId: globalId("Attachment", form.id),
    });
    expect(result.data.documentId).toBe(globalId("Attachment", form.id));
    const read = await readCase(
      LP,
      "assessments(first: 5) { edges { node { id document { filename downloadPath } } } }",
    );
    const recorded = read.assessments.edges.find((edge: any) => edge.node.id === result.data.id);
    expect(recorded.node.document).toEqual({
      filename: "caf.pdf",
      downloadPath: `/attachments/${encodeURIComponent(globalId("Attachment", form.id))}`,
    });

    const receipt = await database.db.attachment.create({
      data: {
        authorityId: world.alpha.authorityId,
        kind: "RECEIPT",
        filename: "till.png",
        contentType: "image/png",
        size: 10,
        sha256: "1".repeat(64),
        storageKey: "test-till",
        uploadedById: lp,
      },
    });
    const wrong = await cases.recordAssessment(LP, {
      caseId,
      kind: "CAF",
      completedOn: dayFromToday(-1),
      priorityNeeds: ["Housing"],
      documentId: globalId("Attachment", receipt.id),
    });
    expect(wrong).toMatchObject({ code: "WRONG_DOCUMENT_KIND", field: "input.documentId" });
  });

  it("updates the plan", async () => {
    const result = await cases.updateCasePlan(LP, caseId, "  Nursery three mornings a week; review in March.  ");
    expect(result.data.plan).toBe("Nursery three mornings a week; review in March.");
  });

  it("records a Team Around the Child meeting", async () => {
    const result = await cases.recordTeamMeeting(LP, {
      caseId,
      heldOn: dayFromToday(-2),
      attendees: ["Nadia Kowalski (health visitor)", " Mr Lundgren "],
      notes: "Agreed to apply for a nursery place.",
    });
    expect(result.data).toMatchObject({
      heldOn: dayFromToday(-2),
      attendees: ["Nadia Kowalski (health visitor)", "Mr Lundgren"],
      notes: "Agreed to apply for a nursery place.",
    });
    const read = await readCase(LP, "meetings(first: 5) { edges { node { heldOn attendees } } }");
    expect(read.meetings.edges).toHaveLength(1);
  });

  it("records an unmet need, with or without an estimate", async () => {
    const result = await cases.recordUnmetNeed(LP, {
      caseId,
      category: "HOUSING_SET_UP",
      description: "A deposit for a two-bedroom flat",
      estimatedCost: 95_000,
    });
    expect(result.data).toMatchObject({ category: "HOUSING_SET_UP", estimatedCost: 95_000 });
    const free = await cases.recordUnmetNeed(LP, { caseId, category: "OTHER", description: "A befriender" });
    expect(free.data.estimatedCost).toBeNull();
    const read = await readCase(LP, "unmetNeeds(first: 5) { edges { node { category description estimatedCost } } }");
    expect(read.unmetNeeds.edges.map((edge: any) => edge.node.description)).toEqual([
      "A befriender",
      "A deposit for a two-bedroom flat",
    ]);
  });

  it("loads each record by its global ID", async () => {
    const need = await database.db.unmetNeed.findFirstOrThrow({ where: { description: "A befriender" } });
    const result = await cases.query(LP, `query ($id: ID!) { node(id: $id) { ... on UnmetNeed { description } } }`, {
      id: globalId("UnmetNeed", need.id),
    });
    expect(result.data?.node).toEqual({ description: "A befriender" });
  });
});

describe("people who may read a case but not work on it", () => {
  it("lets the area's approver read the work but not record any, writing nothing", async () => {
    const read = await readCase("approver@alpha.test", "reference latestAssessment { kind } children { givenName }");
    expect(read).toMatchObject({ latestAssessment: { kind: "CAF" }, children: [{ givenName: "Efe" }] });
    const before = await rowCounts(database.db);
    const attempts = [
      await cases.recordAssessment("approver@alpha.test", {
        caseId,
        kind: "CAF",
        completedOn: dayFromToday(0),
        priorityNeeds: ["x"],
      }),
      await cases.recordTeamMeeting("approver@alpha.test", { caseId, heldOn: dayFromToday(0), attendees: ["x"] }),
      await cases.recordUnmetNeed("approver@alpha.test", { caseId, category: "OTHER", description: "x" }),
    ];
    for (const attempt of attempts) expect(attempt).toMatchObject({ code: "NOT_AUTHORISED", field: "input.caseId" });
    // Reading the plan is not changing it: the approver cannot update the plan of a case they do not lead.
    expect(await cases.updateCasePlan("approver@alpha.test", caseId, "New plan")).toMatchObject({
      code: "NOT_FOUND",
      field: "caseId",
    });
    // The only writes were the approver's reads of the case above.
    expect({ ...(await rowCounts(database.db)), auditEvents: before.auditEvents }).toEqual(before);
  });

  it("refuses another lead professional of the same area as not found", async () => {
    const result = await cases.recordTeamMeeting("lp2@alpha.test", {
      caseId,
      heldOn: dayFromToday(0),
      attendees: ["x"],
    });
    expect(result).toMatchObject({ code: "NOT_FOUND", field: "input.caseId" });
  });
});

describe("a closed case", () => {
  it("refuses more work with a specific error", async () => {
    const closed = await cases.closeCase(LP, caseId, "Family moved out of the area.");
    expect(closed.data.status).toBe("CLOSED");
    const before = await rowCounts(database.db);
    expect(
      await cases.recordAssessment(LP, { caseId, kind: "CAF", completedOn: dayFromToday(0), priorityNeeds: ["x"] }),
    ).toMatchObject({
      code: "CASE_CLOSED",
      field: "input.caseId",
    });
    expect(await cases.recordTeamMeeting(LP, { caseId, heldOn: dayFromToday(0), attendees: ["x"] })).toMatchObject({
      code: "CASE_CLOSED",
    });
    expect(await cases.recordUnmetNeed(LP, { caseId, category: "OTHER", description: "x" })).toMatchObject({
      code: "CASE_CLOSED",
    });
    expect(await cases.updateCasePlan(LP, caseId, "x")).toMatchObject({ code: "CASE_CLOSED", field: "caseId" });
    expect(await rowCounts(database.db)).toEqual(before);
  });
});
