// Dorset's application and monitoring form served by core from Dorset's form declaration, each
// part filled from the step that writes it (the application, the co-ordinator's agreement, the
// outcome review), and printed as a PDF whose text holds every section and box of the original.
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dorset from "../src/index.ts";
import { dorsetApi } from "./dorset-api.ts";
import { dorsetWorld } from "./dorset-world.ts";

let database: TestDatabase;
let http: ReturnType<typeof createTestApi>;
let api: ReturnType<typeof dorsetApi>;
let world: ReturnType<typeof dorsetWorld>;
const LP = "lp@dorset.example";
const COORDINATOR = "coordinator-weymouth@dorset.example";
const FINANCE = "finance@dorset.example";
const FORM = "dorset.application-and-monitoring";
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
const words = (text: string) => text.replace(/\s+/g, " ").trim();

/** Every section and box of the paper form, in its words. */
const ORIGINAL = [
  "Application and Monitoring Form",
  "Dorset Budget Holding Lead Professional pilot project",
  "Circle locality",
  "PART ONE",
  "Name of Child / Family",
  "Name and Designation of Lead Professional",
  "Date of CAF (must be attached)",
  "Proposed use of BHLF finance",
  "Intended outcomes",
  "Indicate principle every child matters outcome(s) the resources will support",
  "Be Healthy",
  "Stay Safe",
  "Enjoy and Achieve",
  "Make a Positive Contribution",
  "Achieve Economic Well-being",
  "PART TWO (for completion by locality co-ordinator)",
  "Service Agreed and Date",
  "Review Process and Date",
  "Notes",
  "PART THREE",
  "Outcome Achieved",
  "Comments from family members",
  "Other notes",
  "Date",
  "Signature",
];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [dorset]);
  http = createTestApi(database.db, { plugins: [dorset] });
  api = dorsetApi(http);
  world = dorsetWorld(database);
});
afterAll(() => database.drop());

async function pdfText(email: string, path: string) {
  const response = await http.request(path, { headers: { authorization: `Bearer ${await api.as(email)}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  return words((await extractText(pdf, { mergePages: true })).text as string);
}

describe("Dorset's application and monitoring form as a PDF", () => {
  it("holds every section of the original, with each part filled from the step that wrote it", async () => {
    const caseId = await world.newCase();
    const budgetId = await world.budgetOf("Weymouth & Portland");
    const request = await api.request(LP, { caseId, budgetId, pence: 4_000, ecmOutcomes: ["BE_HEALTHY", "STAY_SAFE"] });
    await api.decide(COORDINATOR, request.id);
    await api.recordAgreement(COORDINATOR, request.id, {
      serviceAgreed: "Ten swimming lessons at the leisure centre",
      serviceAgreedOn: today(),
      reviewProcess: "Phone call with the family",
      notes: "Mother to share the certificates.",
    });
    const path = `/case-studies/${FORM}/${request.id}.pdf`;
    const beforeReview = await pdfText(LP, path);
    for (const heading of ORIGINAL) expect(beforeReview).toContain(words(heading));
    expect(beforeReview).toContain("Weymouth & Portland");
    expect(beforeReview).toContain("[x] Be Healthy [x] Stay Safe [ ] Enjoy and Achieve");
    expect(beforeReview).toContain("Ten swimming lessons at the leisure centre");
    expect(beforeReview).toContain("(not yet answered)"); // part three, before the review

    await api.spendAndReview({ lead: LP, finance: FINANCE }, request.id, 4_000, {
      outcomeAchieved: "She swims 25 metres and has joined the club.",
      ecmAchieved: ["BE_HEALTHY"],
      familyComments: "She loves it.",
      otherNotes: "No further support needed.",
    });
    const reviewed = await pdfText(COORDINATOR, path);
    for (const heading of ORIGINAL) expect(reviewed).toContain(words(heading));
    for (const answer of [
      "She swims 25 metres and has joined the club.",
      "She loves it.",
      "No further support needed.",
      "Harriet Colebrook",
      today(),
    ])
      expect(reviewed).toContain(answer);
    expect(reviewed).not.toContain("(not yet answered)");
  });

  it("is filled from records only: saving answers to it says where each part is written", async () => {
    const request = await api.request(LP, {
      caseId: await world.newCase(),
      budgetId: await world.budgetOf("Weymouth & Portland"),
      pence: 2_000,
    });
    const result = await api.query(
      LP,
      `mutation ($id: ID!) { saveCaseStudyAnswers(formRef: "${FORM}", subjectId: $id, answers: []) {
        __typename ... on Error { code message } } }`,
      { id: request.id },
    );
    expect(result.data?.saveCaseStudyAnswers).toMatchObject({ code: "FORM_FILLED_FROM_RECORDS" });
  });

  it("is not for finance (it names the child), nor for another authority", async () => {
    const request = await api.request(LP, {
      caseId: await world.newCase(),
      budgetId: await world.budgetOf("Weymouth & Portland"),
      pence: 2_500,
    });
    const path = `/case-studies/${FORM}/${request.id}.pdf`;
    for (const email of [FINANCE, "lp@kingsbridge.example"]) {
      const response = await http.request(path, { headers: { authorization: `Bearer ${await api.as(email)}` } });
      expect(response.status, email).toBe(404);
    }
    expect((await http.request(path)).status).toBe(401);
  });
});
