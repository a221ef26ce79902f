// The case study proforma served by core from Leeds' form declaration: filled from the case and
// the seeded case study, completed by the lead professional, and printed as a PDF whose text
// holds every section and question of the original proforma.
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUESTIONS } from "../src/case-study.ts";
import leeds from "../src/index.ts";
import { globalId, leedsApi, leedsDemo } from "./leeds-api.ts";

let database: TestDatabase;
let http: ReturnType<typeof createTestApi>;
let api: ReturnType<typeof leedsApi>;
let demo: Awaited<ReturnType<typeof leedsDemo>>;
const ASSESSOR = "assessor@leeds.example";
const FORM = "leeds.case-study";
const DOCUMENT = `formRef title pdfPath sections { title questions { key label answeredByProfessional answer } }`;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [leeds]);
  http = createTestApi(database.db, { plugins: [leeds] });
  api = leedsApi(http, database.db);
  demo = await leedsDemo(database.db);
});
afterAll(() => database.drop());

const oskar = () => globalId("Case", demo.case("LEE-0002"));
const answersOf = (document: { sections: { questions: { key: string; answer: string }[] }[] }) =>
  Object.fromEntries(document.sections.flatMap((s) => s.questions).map((q) => [q.key, q.answer]));
const words = (text: string) => text.replace(/\s+/g, " ").trim();

async function pdfText(email: string, path: string) {
  const response = await http.request(path, { headers: { authorization: `Bearer ${await api.as(email)}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  return words((await extractText(pdf, { mergePages: true })).text as string);
}

describe("Leeds' case study proforma, through core's forms", () => {
  it("is listed among the authority's forms", async () => {
    const result = await api.call(ASSESSOR, "{ caseStudyForms { formRef title subject } }");
    expect(result.caseStudyForms).toEqual([{ formRef: FORM, title: "Case Study Proforma", subject: "Case" }]);
  });

  it("is filled from the seeded case study, the common assessment and the approved requests", async () => {
    const { caseStudy } = await api.call(
      ASSESSOR,
      `query ($id: ID!) { caseStudy(formRef: "${FORM}", subjectId: $id) { ${DOCUMENT} } }`,
      { id: oskar() },
    );
    const answers = answersOf(caseStudy);
    expect(answers.cafNumber).toMatch(/^LEE-0002 \(common assessment of \d{4}-\d{2}-\d{2}\)$/);
    expect(answers.situationBefore).toMatch(/^Oskar \(14\) was missing two days/);
    expect(answers.costAndWhoAffected).toBe(""); // no approved request yet
    expect(caseStudy.sections[0].questions.map((q: { label: string }) => q.label)).toEqual([
      "CAF no",
      ...Object.values(QUESTIONS),
    ]);
  });

  it("is completed by the lead professional, and printed with every section, question and answer", async () => {
    const saved = await api.mutate(
      ASSESSOR,
      "saveCaseStudyAnswers",
      "$formRef: String!, $subjectId: ID!, $answers: [CaseStudyAnswerInput!]!, $complete: Boolean",
      DOCUMENT,
      {
        formRef: FORM,
        subjectId: oskar(),
        answers: [{ key: "costAndWhoAffected", answer: "£180 for Oskar and his mother: club fees and bus fares." }],
        complete: true,
      },
    );
    expect(answersOf(saved).costAndWhoAffected).toBe("£180 for Oskar and his mother: club fees and bus fares.");
    const row = await database.db.leedsCaseStudy.findFirstOrThrow({ where: { caseId: demo.case("LEE-0002") } });
    expect(row.completedAt).not.toBeNull();

    const text = await pdfText(ASSESSOR, saved.pdfPath);
    for (const heading of [
      "Case Study Proforma",
      "Leeds Early Intervention Fund",
      "CAF no",
      ...Object.values(QUESTIONS),
    ])
      expect(text).toContain(words(heading));
    expect(text).toContain("£180 for Oskar and his mother: club fees and bus fares.");
    expect(text).toContain("Attendance is up to four and a half days a week");
  });

  it("is readable by the wedge's IPC, not by another lead professional, and only the professional's questions are writable", async () => {
    expect(await pdfText("ipc-north-east@leeds.example", `/case-studies/${FORM}/${oskar()}.pdf`)).toContain(
      "Case Study Proforma",
    );
    const other = await http.request(`/case-studies/${FORM}/${oskar()}.pdf`, {
      headers: { authorization: `Bearer ${await api.as("lp@leeds.example")}` },
    });
    expect(other.status).toBe(404);
    const refused = await api.mutate(
      ASSESSOR,
      "saveCaseStudyAnswers",
      "$formRef: String!, $subjectId: ID!, $answers: [CaseStudyAnswerInput!]!",
      "formRef",
      { formRef: FORM, subjectId: oskar(), answers: [{ key: "cafNumber", answer: "made up" }] },
    );
    expect(refused).toMatchObject({ __typename: "DomainError", code: "NOT_A_QUESTION" });
  });
});
