import { type Database, formatPence, type Pence, type SchemeGate } from "@pathfinder/core";
import { LeedsError } from "./errors.ts";

type Viewer = NonNullable<Parameters<SchemeGate>[0]["viewer"]>;

/** The proforma's six questions, in the guidance's order, with the words the portal shows. */
export const QUESTIONS = {
  situationBefore: "The situation before the work was undertaken",
  needsIdentified: "Additional needs identified by the common assessment",
  actionsTaken: "What action was taken to address identified needs, and by whom",
  costAndWhoAffected: "The cost of the action and who was affected",
  howThingsChanged: "How things have changed for the child, young person and family",
  differenceBudgetMade: "What difference a budget made to the actions and outcomes",
} as const;

export type Question = keyof typeof QUESTIONS;
export type CaseStudyInput = Partial<Record<Question, string | null>> & { complete?: boolean | null };

/** Money promised or spent on the case's requests counts as the cost of the action. */
const APPROVED = ["APPROVED", "FULFILLED", "RECONCILED", "CLOSED"] as const;
const MAX_ANSWER = 10_000;

/**
 * Writes (or adds to) a case's case study: written "during and at the end of the process" by
 * its lead professional, so answers left out keep what was written before. The cost answer is
 * prefilled from the case's approved requests until the lead professional writes their own.
 */
export async function recordCaseStudy(db: Database, viewer: Viewer, caseId: string, input: CaseStudyInput) {
  for (const question of Object.keys(QUESTIONS) as Question[])
    if ((input[question]?.length ?? 0) > MAX_ANSWER)
      throw new LeedsError("INVALID_INPUT", "Keep each answer under 10,000 characters.", `input.${question}`);

  return db.$transaction(async (tx) => {
    const theCase = await tx.case.findFirst({
      where: { id: caseId, authorityId: viewer.authorityId },
      include: { children: { include: { child: { select: { givenName: true, familyName: true } } } } },
    });
    if (!theCase)
      throw new LeedsError("NOT_FOUND", "The case was not found, or you do not have access to it.", "caseId");
    if (theCase.leadProfessionalId !== viewer.id)
      throw new LeedsError("NOT_AUTHORISED", "Only the case's lead professional writes its case study.", "caseId");

    const key = { authorityId_caseId: { authorityId: viewer.authorityId, caseId } };
    const before = await tx.leedsCaseStudy.findUnique({ where: key });
    const answers = Object.fromEntries(
      (Object.keys(QUESTIONS) as Question[]).map((q) => [q, (input[q] ?? before?.[q] ?? "").trim()]),
    ) as Record<Question, string>;
    // Until the lead professional writes the cost answer (or after they blank it), Pathfinder keeps it current.
    const given = input.costAndWhoAffected;
    const ownCost = given != null ? given.trim() : before && !before.costPrefilled ? before.costAndWhoAffected : "";
    const costPrefilled = !ownCost;
    if (costPrefilled) answers.costAndWhoAffected = await costOfCase(tx, theCase);

    const complete = input.complete ?? before?.completedAt != null;
    const missing = (Object.keys(QUESTIONS) as Question[]).filter((q) => !answers[q]);
    if (complete && missing.length > 0)
      throw new LeedsError(
        "LEEDS_CASE_STUDY_INCOMPLETE",
        `Answer every question before the case study is complete; still to answer: ${missing.map((q) => QUESTIONS[q].toLowerCase()).join("; ")}.`,
        `input.${missing[0]}`,
      );
    const completedAt = complete ? (before?.completedAt ?? new Date()) : null;

    const study = await tx.leedsCaseStudy.upsert({
      where: key,
      create: {
        authorityId: viewer.authorityId,
        caseId,
        recordedById: viewer.id,
        completedAt,
        costPrefilled,
        ...answers,
      },
      update: { recordedById: viewer.id, completedAt, costPrefilled, updatedAt: new Date(), ...answers },
    });
    await tx.auditEvent.create({
      data: {
        authorityId: viewer.authorityId,
        actorId: viewer.id,
        action: before ? "leeds.case-study.update" : "leeds.case-study.record",
        entityType: "LeedsCaseStudy",
        entityId: study.id,
        caseId,
        summary: `${before ? "Updated" : "Started"} the case study of case ${theCase.reference}${completedAt ? " (complete)" : ""}`,
      },
    });
    return study;
  });
}

/** The cost answer from the case's approved requests, and who they were for. */
export async function costOfCase(
  tx: Pick<Database, "purchaseRequest">,
  theCase: { id: string; authorityId: string; children: { child: { givenName: string; familyName: string } }[] },
) {
  const requests = await tx.purchaseRequest.findMany({
    where: { authorityId: theCase.authorityId, caseId: theCase.id, status: { in: [...APPROVED] } },
    select: { reference: true, total: true },
    orderBy: { reference: "asc" },
  });
  const who = theCase.children.map(({ child }) => `${child.givenName} ${child.familyName}`).join(", ");
  return costFromRequests(requests, who);
}

/** "£260.00 in 2 approved requests (LEE-0003: £200.00; LEE-0004: £60.00), for Tilly Brear." */
export function costFromRequests(requests: { reference: string; total: number }[], who: string): string {
  if (requests.length === 0) return "";
  const total = requests.reduce((sum, request) => sum + request.total, 0) as Pence;
  const each = requests.map((request) => `${request.reference}: ${formatPence(request.total as Pence)}`).join("; ");
  const count = requests.length === 1 ? "1 approved request" : `${requests.length} approved requests`;
  return `${formatPence(total)} from the Early Intervention Fund in ${count} (${each}), for ${who}.`;
}
