import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import leeds from "../src/index.ts";
import { globalId, leedsApi, leedsDemo } from "./leeds-api.ts";

let database: TestDatabase;
let api: ReturnType<typeof leedsApi>;
let demo: Awaited<ReturnType<typeof leedsDemo>>;
const LP = "lp@leeds.example";
const IPC_WEST = "ipc-west@leeds.example";
const FIELDS = `situationBefore needsIdentified actionsTaken costAndWhoAffected howThingsChanged differenceBudgetMade costPrefilled complete completedAt`;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [leeds]);
  api = leedsApi(createTestApi(database.db, { plugins: [leeds] }), database.db);
  demo = await leedsDemo(database.db);
});
afterAll(() => database.drop());

const tilly = () => globalId("Case", demo.case("LEE-0001"));
async function record(email: string, input: Record<string, unknown>, caseId = tilly()) {
  const result = await api.call(
    email,
    `mutation ($caseId: ID!, $input: LeedsCaseStudyInput!) { leedsRecordCaseStudy(caseId: $caseId, input: $input) {
      __typename ... on LeedsError { code message field } ... on MutationLeedsRecordCaseStudySuccess { data { ${FIELDS} } } } }`,
    { caseId, input },
  );
  return result.leedsRecordCaseStudy.data ?? result.leedsRecordCaseStudy;
}
const read = async (email: string) =>
  (
    await api.call(
      email,
      `query ($id: ID!) { node(id: $id) { ... on Case { reference leedsCaseStudy { ${FIELDS} } } } }`,
      { id: tilly() },
    )
  ).node;
const approvedOrder = async (pence: number) => {
  const request = await api.request(
    LP,
    demo.case("LEE-0001"),
    demo.budget("West"),
    [
      {
        unitCost: pence,
        supplierId: demo.supplier("Kirkside Community Crèche"),
        category: "CHILDCARE",
        description: "Crèche",
      },
    ],
    { route: "SUPPLIER_ORDER" },
  );
  await api.decide(IPC_WEST, request.id);
  return (
    await database.db.purchaseRequest.findUniqueOrThrow({
      where: { id: Buffer.from(request.id, "base64").toString().split(":")[1] },
    })
  ).reference;
};

describe("the case study proforma, written during and after the work", () => {
  it("the lead professional starts it with what they know; nothing approved yet, so no cost", async () => {
    const study = await record(LP, {
      situationBefore: "Tilly's mother could not get her to nursery.",
      needsIdentified: "Getting to nursery; English for appointments.",
    });
    expect(study).toMatchObject({
      situationBefore: "Tilly's mother could not get her to nursery.",
      costAndWhoAffected: "",
      costPrefilled: true,
      complete: false,
      completedAt: null,
    });
  });

  it("the cost answer is filled in from the case's approved requests, and kept current until written over", async () => {
    const first = await approvedOrder(4_500);
    const waiting = await api.request(
      LP,
      demo.case("LEE-0001"),
      demo.budget("West"),
      [{ unitCost: 9_999, supplierId: demo.supplier("Kirkside Community Crèche") }],
      { route: "SUPPLIER_ORDER" },
    );
    expect(waiting.status).toBe("AWAITING_DECISION");
    const study = await record(LP, {
      actionsTaken: "Crèche sessions arranged by the IPC; ESOL by the health visitor.",
    });
    expect(study).toMatchObject({
      situationBefore: "Tilly's mother could not get her to nursery.",
      costAndWhoAffected: `£45.00 from the Early Intervention Fund in 1 approved request (${first}: £45.00), for Tilly Brear.`,
      costPrefilled: true,
    });
    const second = await approvedOrder(1_250);
    expect((await record(LP, {})).costAndWhoAffected).toBe(
      `£57.50 from the Early Intervention Fund in 2 approved requests (${first}: £45.00; ${second}: £12.50), for Tilly Brear.`,
    );
  });

  it("cannot be completed with questions unanswered", async () => {
    expect(await record(LP, { complete: true })).toEqual({
      __typename: "LeedsError",
      code: "LEEDS_CASE_STUDY_INCOMPLETE",
      field: "input.howThingsChanged",
      message:
        "Answer every question before the case study is complete; still to answer: how things have changed for the child, young person and family; what difference a budget made to the actions and outcomes.",
    });
  });

  it("completed with every answer, the lead professional's own cost answer replacing the prefilled one", async () => {
    const study = await record(LP, {
      costAndWhoAffected: "£57.50: Tilly, her mother and her baby brother.",
      howThingsChanged: "Tilly attends nursery four days a week.",
      differenceBudgetMade: "Help came in days, not months.",
      complete: true,
    });
    expect(study).toMatchObject({
      costAndWhoAffected: "£57.50: Tilly, her mother and her baby brother.",
      costPrefilled: false,
      complete: true,
    });
    expect(study.completedAt).toEqual(expect.any(String));
    expect((await record(LP, {})).costAndWhoAffected).toBe("£57.50: Tilly, her mother and her baby brother.");
    const audit = await database.db.auditEvent.findMany({
      where: { entityType: "LeedsCaseStudy", caseId: demo.case("LEE-0001") },
    });
    expect(audit.map((event) => event.action)).toEqual([
      "leeds.case-study.record",
      ...Array(4).fill("leeds.case-study.update"),
    ]);
  });
});

describe("who writes and who reads it", () => {
  it("the lead professional and the wedge's IPC read it on the case", async () => {
    expect((await read(LP)).leedsCaseStudy).toMatchObject({
      complete: true,
      howThingsChanged: "Tilly attends nursery four days a week.",
    });
    expect((await read(IPC_WEST)).leedsCaseStudy).toMatchObject({ complete: true });
  });

  it("another wedge's IPC and another lead professional do not even see the case", async () => {
    expect(await read("ipc-east@leeds.example")).toBeNull();
    expect(await read("lp2@leeds.example")).toBeNull();
  });

  it("only the case's lead professional writes it", async () => {
    expect(await record(IPC_WEST, { situationBefore: "Changed" })).toMatchObject({
      code: "NOT_AUTHORISED",
      field: "caseId",
      message: "Only the case's lead professional writes its case study.",
    });
    expect(await record("lp2@leeds.example", { situationBefore: "Changed" })).toMatchObject({ code: "NOT_AUTHORISED" });
  });

  it("another authority's case is not found, and authorities without Leeds' scheme are refused", async () => {
    const kingsbridgeCase = await database.db.case.findFirstOrThrow({
      where: { leadProfessional: { email: "lp@kingsbridge.example" } },
    });
    expect(await record(LP, { situationBefore: "x" }, globalId("Case", kingsbridgeCase.id))).toMatchObject({
      code: "NOT_FOUND",
      field: "caseId",
    });
    expect(
      await record("lp@kingsbridge.example", { situationBefore: "x" }, globalId("Case", kingsbridgeCase.id)),
    ).toEqual({
      __typename: "LeedsError",
      code: "NOT_AUTHORISED",
      field: null,
      message: 'Your authority does not run the "leeds" scheme.',
    });
    expect(await database.db.leedsCaseStudy.count({ where: { caseId: kingsbridgeCase.id } })).toBe(0);
  });
});
