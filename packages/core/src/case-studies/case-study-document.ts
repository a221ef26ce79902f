import { recordAudit } from "../audit/audit-log.ts";
import type { Database } from "../db/prisma-client.ts";
import { NotFoundError } from "../graphql/domain-errors.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import type { AppAbility } from "../permissions/casl-prisma.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { CaseStudyForm, SchemePlugin } from "../plugins/plugin-contract.ts";

/** One filled copy of a scheme's form, section by section, as the PDF and GraphQL show it. */
export interface CaseStudyDocument {
  /** "<plugin id>.<form id>", e.g. "leeds.case-study". */
  formRef: string;
  title: string;
  subtitle: string;
  subjectType: CaseStudyForm["subject"];
  subjectId: string;
  sections: {
    title: string;
    questions: { key: string; label: string; answeredBy: "professional" | "records"; answer: string }[];
  }[];
}

/** What finding a form needs: the installed plugins and the schemes the viewer's authority runs. */
export interface FormSource {
  plugins: ReadonlyMap<string, SchemePlugin>;
  enabled: Set<string>;
}

/** The forms the viewer's authority can fill, with their references. */
export function formsAvailable(source: FormSource): { formRef: string; form: CaseStudyForm }[] {
  return [...source.enabled].flatMap((pluginId) =>
    (source.plugins.get(pluginId)?.caseStudyForms ?? []).map((form) => ({ formRef: `${pluginId}.${form.id}`, form })),
  );
}

export function findForm(source: FormSource, formRef: string): CaseStudyForm {
  const found = formsAvailable(source).find((available) => available.formRef === formRef);
  if (!found) throw new NotFoundError(`The form "${formRef}"`, "formRef");
  return found.form;
}

/**
 * The subject's row, if the viewer may read it (one SQL query with the permission in it), and
 * its case: every form is part of a child's record.
 */
export async function readableSubject(
  db: Database,
  ability: AppAbility,
  form: CaseStudyForm,
  subjectId: string,
): Promise<{ caseId: string }> {
  if (form.subject === "Case") {
    const found = await findAccessible(db, ability, "case", subjectId, "read", "The case", "subjectId");
    return { caseId: found.id };
  }
  const found = await findAccessible(db, ability, "purchaseRequest", subjectId, "read", "The request", "subjectId");
  return { caseId: found.caseId };
}

/** Fills the form for the subject; reading it is reading a child's record, so it is audited. */
export async function loadCaseStudy(
  db: Database,
  ability: AppAbility,
  viewer: Viewer,
  source: FormSource,
  formRef: string,
  subjectId: string,
): Promise<CaseStudyDocument> {
  const form = findForm(source, formRef);
  const { caseId } = await readableSubject(db, ability, form, subjectId);
  const answers = await form.fill({ db, viewer, subjectId });
  if (!answers)
    throw new NotFoundError(`The ${form.title} of this ${form.subject === "Case" ? "case" : "request"}`, "subjectId");
  await recordAudit(db, viewer, {
    action: "case-study.read",
    entityType: form.subject,
    entityId: subjectId,
    caseId,
    summary: `Read the ${form.title}`,
  });
  return {
    formRef,
    title: form.title,
    subtitle: form.subtitle ?? "",
    subjectType: form.subject,
    subjectId,
    sections: form.sections.map((section) => ({
      title: section.title,
      questions: section.questions.map((question) => ({ ...question, answer: answers[question.key] ?? "" })),
    })),
  };
}
