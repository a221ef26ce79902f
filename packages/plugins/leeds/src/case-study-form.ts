// The case study proforma (the guidance's appendix 3) as a form core serves and prints: the CAF
// number from the case, then the six questions, prefilled from the common assessment and the
// approved requests until the lead professional writes their own answers.
import type { CaseStudyForm, Database } from "@pathfinder/core";
import { type CaseStudyInput, costOfCase, QUESTIONS, type Question, recordCaseStudy } from "./case-study.ts";
import { mayRead } from "./case-study-graphql.ts";

const questions = Object.keys(QUESTIONS) as Question[];
const day = (date: Date) => date.toISOString().slice(0, 10);

async function loadCase(db: Database, caseId: string) {
  return db.case.findFirst({
    where: { id: caseId },
    include: {
      children: { include: { child: { select: { givenName: true, familyName: true } } } },
      assessments: { orderBy: { completedOn: "desc" } },
    },
  });
}

export const leedsCaseStudyForm: CaseStudyForm = {
  id: "case-study",
  title: "Case Study Proforma",
  subtitle: "Leeds Early Intervention Fund (Budget Holding Lead Professional)",
  subject: "Case",
  sections: [
    {
      title: "Case Study Proforma",
      questions: [
        { key: "cafNumber", label: "CAF no", answeredBy: "records" },
        ...questions.map((key) => ({ key, label: QUESTIONS[key], answeredBy: "professional" as const })),
      ],
    },
  ],
  async fill({ db, viewer, subjectId }) {
    const theCase = await loadCase(db, subjectId);
    if (!theCase || !mayRead(viewer, theCase)) return null;
    const study = await db.leedsCaseStudy.findUnique({
      where: { authorityId_caseId: { authorityId: theCase.authorityId, caseId: theCase.id } },
    });
    const caf = theCase.assessments.find((assessment) => assessment.kind === "CAF") ?? theCase.assessments[0];
    const answers: Record<string, string> = Object.fromEntries(questions.map((q) => [q, study?.[q] ?? ""]));
    answers.cafNumber = caf ? `${theCase.reference} (common assessment of ${day(caf.completedOn)})` : theCase.reference;
    // Until written, the needs come from the common assessment's priority needs, and the cost from the requests.
    if (!answers.needsIdentified && caf?.priorityNeeds.length) answers.needsIdentified = caf.priorityNeeds.join("; ");
    if (!answers.costAndWhoAffected) answers.costAndWhoAffected = await costOfCase(db, theCase);
    return answers;
  },
  async save({ db, viewer, subjectId, answers, complete }) {
    const input: CaseStudyInput = { ...answers, complete: complete ? true : null };
    await recordCaseStudy(db, viewer, subjectId, input);
  },
};
