import { z } from "zod";
import { builder } from "../graphql/builder.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import {
  type CaseStudyDocument,
  type FormSource,
  findForm,
  formsAvailable,
  loadCaseStudy,
  readableSubject,
} from "./case-study-document.ts";
import { CASE_STUDY_PATH_PREFIX } from "./case-study-path.ts";

const sourceOf = async (context: GraphQLContext): Promise<FormSource> => ({
  plugins: context.plugins,
  enabled: await context.schemesEnabled(),
});

const globalIdOf = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

const Question = builder
  .objectRef<CaseStudyDocument["sections"][number]["questions"][number]>("CaseStudyQuestion")
  .implement({
    description: "One question (or box) of the form, with its answer.",
    fields: (t) => ({
      key: t.exposeString("key", { description: "Stable key of the answer, for saveCaseStudyAnswers." }),
      label: t.exposeString("label", { description: "The question in the original form's words." }),
      answeredByProfessional: t.boolean({
        description: "Written by the professional (true) or filled from Pathfinder's records (false).",
        resolve: (question) => question.answeredBy === "professional",
      }),
      answer: t.exposeString("answer", { description: "The answer; empty when not yet answered." }),
    }),
  });

const Section = builder.objectRef<CaseStudyDocument["sections"][number]>("CaseStudySection").implement({
  description: "A section of the form, as on the paper original.",
  fields: (t) => ({
    title: t.exposeString("title", { description: "The section's heading." }),
    questions: t.field({ type: [Question], description: "Its questions, in order.", resolve: (s) => s.questions }),
  }),
});

const Document = builder.objectRef<CaseStudyDocument>("CaseStudyDocument").implement({
  description:
    "A scheme's case study or monitoring form, filled from what Pathfinder holds and the professional's answers.",
  fields: (t) => ({
    formRef: t.exposeString("formRef", { description: 'The form: "<scheme>.<form>", e.g. "leeds.case-study".' }),
    title: t.exposeString("title", { description: "The form's title." }),
    subtitle: t.exposeString("subtitle", { description: "The line under the title." }),
    sections: t.field({ type: [Section], description: "The form's sections.", resolve: (d) => d.sections }),
    pdfPath: t.string({
      description: "Where the printable PDF downloads (same sign-in).",
      resolve: (d) => `${CASE_STUDY_PATH_PREFIX}${d.formRef}/${globalIdOf(d.subjectType, d.subjectId)}.pdf`,
    }),
  }),
});

const FormInfo = builder.objectRef<{ formRef: string; title: string; subject: string }>("CaseStudyFormInfo").implement({
  description: "A form your authority's schemes provide.",
  fields: (t) => ({
    formRef: t.exposeString("formRef", { description: "The form's reference, for caseStudy." }),
    title: t.exposeString("title", { description: "The form's title." }),
    subject: t.exposeString("subject", { description: 'What one copy is about: "Case" or "PurchaseRequest".' }),
  }),
});

builder.queryField("caseStudyForms", (t) =>
  t.field({
    type: [FormInfo],
    description: "The case study and monitoring forms of the schemes your authority runs.",
    authScopes: { signedIn: true },
    resolve: async (_root, _args, context) =>
      formsAvailable(await sourceOf(context)).map(({ formRef, form }) => ({
        formRef,
        title: form.title,
        subject: form.subject,
      })),
  }),
);

/** The row id in a global id of the form's subject type; another type finds nothing. */
function subjectRowId(form: { subject: string }, subjectId: { typename: string; id: string }) {
  if (subjectId.typename !== form.subject)
    throw new DomainError(
      "NOT_FOUND",
      `This form is about a ${form.subject === "Case" ? "case" : "purchase request"}.`,
      "subjectId",
    );
  return subjectId.id;
}

builder.queryField("caseStudy", (t) =>
  t.field({
    type: Document,
    description: "A filled copy of a scheme's form for a case or request you may read (the read is audited).",
    authScopes: { signedIn: true },
    args: {
      formRef: t.arg.string({ description: 'The form, e.g. "leeds.case-study" (see caseStudyForms).' }),
      subjectId: t.arg.globalID({ description: "The case or purchase request the form is about." }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const source = await sourceOf(context);
      const id = subjectRowId(findForm(source, args.formRef), args.subjectId);
      return loadCaseStudy(context.db, context.ability, viewer, source, args.formRef, id);
    },
  }),
);

const AnswerInput = builder.inputType("CaseStudyAnswerInput", {
  description: "One answer, by its question's key.",
  fields: (t) => ({
    key: t.string({ description: "The question's key (CaseStudyQuestion.key)." }),
    answer: t.string({
      description: "The answer; empty to clear it.",
      validate: z.string().max(10_000, "Keep each answer under 10,000 characters"),
    }),
  }),
});

builder.mutationField("saveCaseStudyAnswers", (t) =>
  t.field({
    type: Document,
    description:
      "Stores the professional's answers to a form (questions answered from records are filled by Pathfinder and cannot be written).",
    errors: { types: [...standardErrors], dataField: { description: "The form with the answers saved." } },
    args: {
      formRef: t.arg.string({ description: 'The form, e.g. "leeds.case-study".' }),
      subjectId: t.arg.globalID({ description: "The case or purchase request the form is about." }),
      answers: t.arg({ type: [AnswerInput], description: "The answers to store; others keep what was written." }),
      complete: t.arg.boolean({ required: false, description: "Mark the form complete (every question answered)." }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const source = await sourceOf(context);
      const form = findForm(source, args.formRef);
      const id = subjectRowId(form, args.subjectId);
      await readableSubject(context.db, context.ability, form, id);
      if (!form.save)
        throw new DomainError(
          "FORM_FILLED_FROM_RECORDS",
          `The ${form.title} is filled from the request, its decision and its review; answer those instead.`,
          "formRef",
        );
      const writable = new Set(
        form.sections.flatMap((s) => s.questions.filter((q) => q.answeredBy === "professional").map((q) => q.key)),
      );
      const refused = args.answers.find((answer) => !writable.has(answer.key));
      if (refused)
        throw new DomainError(
          "NOT_A_QUESTION",
          `"${refused.key}" is not a question you answer on this form.`,
          "answers",
        );
      const answers = Object.fromEntries(args.answers.map((answer) => [answer.key, answer.answer]));
      // Mutations run in a savepoint of the request's transaction: the save lands whole or not at all.
      await form.save({ db: context.db, viewer, subjectId: id, answers, complete: args.complete ?? false });
      return loadCaseStudy(context.db, context.ability, viewer, source, args.formRef, id);
    },
  }),
);
