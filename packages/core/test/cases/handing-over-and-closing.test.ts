import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { type CaseApi, createCaseApi, globalId, newChild, openedCase, rowId } from "./support/case-api.ts";
import { type CaseWorld, rowCounts, seedCaseWorld } from "./support/case-world.ts";

let database: TestDatabase;
let world: CaseWorld;
let cases: CaseApi;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedCaseWorld(database.db);
  cases = createCaseApi(database.db);
});
afterAll(() => database.drop());

const staff = (email: string) => globalId("StaffUser", world.alpha.staff(email));
const open = (email: string, area: "North" | "South", givenName: string) =>
  openedCase(cases, email, {
    areaId: globalId("Area", world.alpha.area(area)),
    children: [newChild(givenName, "Achebe-Price", "2017-07-07")],
  });
const read = async (email: string, id: string) =>
  (await cases.query(email, `query ($id: ID!) { case(id: $id) { reference leadProfessional { name } } }`, { id })).data
    ?.case;

describe("handing a case over", () => {
  it("moves the case to the new lead professional; the old one can no longer read it", async () => {
    const theCase = await open("lp@alpha.test", "North", "Tayo");
    const result = await cases.handOverCase("lp@alpha.test", theCase.id, staff("lp2@alpha.test"));
    expect(result.data).toEqual({ reference: theCase.reference, case: null, leadProfessional: { name: "Rhys Bello" } });

    expect(await read("lp@alpha.test", theCase.id)).toBeNull();
    const node = await cases.query("lp@alpha.test", `query ($id: ID!) { node(id: $id) { id } }`, { id: theCase.id });
    expect(node.data?.node).toBeNull();
    const child = await cases.query("lp@alpha.test", `query ($id: ID!) { child(id: $id) { id } }`, {
      id: theCase.children[0].id,
    });
    expect(child.data?.child).toBeNull();
    expect(await read("lp2@alpha.test", theCase.id)).toEqual({
      reference: theCase.reference,
      leadProfessional: { name: "Rhys Bello" },
    });

    const events = await database.db.auditEvent.findMany({
      where: { caseId: rowId(theCase.id), action: "case.hand-over" },
    });
    expect(events).toMatchObject([{ summary: `Handed case ${theCase.reference} over to Rhys Bello` }]);
  });

  it("passes the case's files to the new lead professional, and to no other", async () => {
    const theCase = await open("lp@alpha.test", "North", "Kemi");
    const form = await database.db.attachment.create({
      data: {
        authorityId: world.alpha.authorityId,
        kind: "ASSESSMENT",
        filename: "kemi-caf.pdf",
        contentType: "application/pdf",
        size: 10,
        sha256: "2".repeat(64),
        storageKey: "test-kemi-caf",
        uploadedById: world.alpha.staff("lp@alpha.test"),
      },
    });
    const recorded = await cases.recordAssessment("lp@alpha.test", {
      caseId: theCase.id,
      kind: "CAF",
      completedOn: "2026-01-05",
      priorityNeeds: ["Settled sleep"],
      documentId: globalId("Attachment", form.id),
    });
    expect(recorded.__typename).toBe("MutationRecordAssessmentSuccess");
    const file = (email: string) =>
      cases
        .query(email, `query ($id: ID!) { node(id: $id) { ... on Attachment { filename } } }`, {
          id: globalId("Attachment", form.id),
        })
        .then((result) => result.data?.node);
    expect(await file("lp2@alpha.test")).toBeNull();

    await cases.handOverCase("lp@alpha.test", theCase.id, staff("lp2@alpha.test"));
    expect(await file("lp2@alpha.test")).toEqual({ filename: "kemi-caf.pdf" });
    const documents = await cases.query(
      "lp2@alpha.test",
      `query ($id: ID!) { case(id: $id) { assessments(first: 5) { edges { node { document { filename } } } } } }`,
      { id: theCase.id },
    );
    expect(documents.data?.case.assessments.edges).toEqual([{ node: { document: { filename: "kemi-caf.pdf" } } }]);
    // A lead professional who does not lead the case still cannot open its files.
    expect(await file("lp-south@alpha.test")).toBeNull();
  });

  it("can be done by the area's approver and by the administrator, who still see the case", async () => {
    const theCase = await open("lp@alpha.test", "North", "Ife");
    const byApprover = await cases.handOverCase("approver@alpha.test", theCase.id, staff("lp2@alpha.test"));
    expect(byApprover.data).toMatchObject({ case: { id: theCase.id }, leadProfessional: { name: "Rhys Bello" } });
    const byAdmin = await cases.handOverCase("admin@alpha.test", theCase.id, staff("lp-south@alpha.test"));
    expect(byAdmin.data).toMatchObject({ case: { id: theCase.id }, leadProfessional: { name: "Imogen Shah" } });
    expect(await read("lp-south@alpha.test", theCase.id)).toMatchObject({ leadProfessional: { name: "Imogen Shah" } });
  });

  it("is refused to another area's approver and another lead professional, as not found", async () => {
    const theCase = await open("lp@alpha.test", "North", "Kemi");
    const before = await rowCounts(database.db);
    for (const email of ["approver-south@alpha.test", "lp2@alpha.test", "finance@alpha.test"]) {
      const result = await cases.handOverCase(email, theCase.id, staff("lp2@alpha.test"));
      expect(result).toMatchObject({ code: "NOT_FOUND", field: "caseId" });
    }
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it("only goes to an active lead professional of the same authority", async () => {
    const theCase = await open("lp@alpha.test", "North", "Dara");
    const before = await rowCounts(database.db);
    expect(await cases.handOverCase("lp@alpha.test", theCase.id, staff("finance@alpha.test"))).toMatchObject({
      code: "NOT_A_LEAD_PROFESSIONAL",
      field: "toStaffUserId",
    });
    expect(
      await cases.handOverCase("lp@alpha.test", theCase.id, globalId("StaffUser", world.beta.staff("lp@beta.test"))),
    ).toMatchObject({
      code: "NOT_FOUND",
      field: "toStaffUserId",
    });
    expect(await cases.handOverCase("lp@alpha.test", theCase.id, staff("lp@alpha.test"))).toMatchObject({
      code: "ALREADY_LEAD_PROFESSIONAL",
      field: "toStaffUserId",
    });
    await database.db.staffUser.update({
      where: { id: world.alpha.staff("lp-south@alpha.test") },
      data: { active: false },
    });
    expect(await cases.handOverCase("lp@alpha.test", theCase.id, staff("lp-south@alpha.test"))).toMatchObject({
      code: "NOT_A_LEAD_PROFESSIONAL",
    });
    await database.db.staffUser.update({
      where: { id: world.alpha.staff("lp-south@alpha.test") },
      data: { active: true },
    });
    expect(await rowCounts(database.db)).toEqual(before);
  });
});

describe("closing a case", () => {
  it("closes it with the reason and the time, once", async () => {
    const theCase = await open("lp@alpha.test", "North", "Femi");
    const result = await cases.closeCase("lp@alpha.test", theCase.id, "  Outcomes of the plan were met.  ");
    expect(result.data).toMatchObject({ status: "CLOSED", closureReason: "Outcomes of the plan were met." });
    expect(Date.now() - Date.parse(result.data.closedAt)).toBeLessThan(60_000);

    const before = await rowCounts(database.db);
    const again = await cases.closeCase("lp@alpha.test", theCase.id, "Again");
    expect(again).toMatchObject({
      code: "CASE_ALREADY_CLOSED",
      field: "caseId",
      message: `Case ${theCase.reference} is already closed.`,
    });
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it("leaves a closed case where it can be read and found by status, but not handed over", async () => {
    const theCase = await open("lp@alpha.test", "North", "Bisi");
    await cases.closeCase("approver@alpha.test", theCase.id, "Family declined further support.");
    const closed = await cases.query(
      "lp@alpha.test",
      `{ cases(first: 50, status: CLOSED) { edges { node { reference closureReason } } } }`,
    );
    expect(closed.data?.cases.edges.map((edge: any) => edge.node)).toContainEqual({
      reference: theCase.reference,
      closureReason: "Family declined further support.",
    });
    expect(await cases.handOverCase("lp@alpha.test", theCase.id, staff("lp2@alpha.test"))).toMatchObject({
      code: "CASE_CLOSED",
    });
  });

  it("is refused to another area's approver", async () => {
    const theCase = await open("lp@alpha.test", "North", "Chioma");
    expect(await cases.closeCase("approver-south@alpha.test", theCase.id, "x")).toMatchObject({ code: "NOT_FOUND" });
  });
});
