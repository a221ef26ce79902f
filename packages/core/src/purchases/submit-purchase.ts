import { recordAudit } from "../audit/audit-log.ts";
import type { Transaction } from "../db/transaction.ts";
import type { Pence } from "../domain/money.ts";
import { formatPence } from "../domain/money.ts";
import { notifyApprovers } from "../notifications/notification-outbox.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";
import { commitApproval } from "./commit-approval.ts";
import { coreSubmissionViolations } from "./core-submission-rules.ts";
import { lockAndLoadRequest, reviewOf } from "./load-for-review.ts";
import { moveStatus } from "./purchase-status.ts";
import { RulesBrokenError } from "./rules-broken-error.ts";

/**
 * Submits a draft (or a request returned for changes): runs core's and the scheme's rules,
 * refusing with every reason at once, then asks the scheme's policy for the approval chain and
 * persists it with the rules' version — or, where the policy lets the requester sign off at
 * once, commits the money straight away.
 */
export async function submitPurchase(tx: Transaction, viewer: Viewer, schemes: SchemeRegistry, id: string) {
  const request = await lockAndLoadRequest(tx, id);
  const now = new Date();
  const rules = await schemes.rulesFor(request.authorityId, request.budget.scheme, now);
  const review = reviewOf(tx, request, viewer, now);

  const violations = [
    ...coreSubmissionViolations({
      requesterId: viewer.id,
      total: request.total as Pence,
      route: request.route,
      intendedOutcomes: request.intendedOutcomes,
      otherFundingExplanation: request.otherFundingExplanation,
      items: request.items,
      case: { ...request.case, assessmentCount: request.case.assessments.length },
      budget: request.budget,
      today: now,
    }),
    ...(await rules.checkSubmission(review)),
  ];
  const chain = await rules.approvalChain(review);
  if (chain.kind === "refused") violations.push({ code: "NOT_APPROVABLE", message: chain.reason, field: "items" });
  if (violations.length > 0 || chain.kind === "refused") throw new RulesBrokenError(violations);

  // A request returned for changes keeps its earlier chain as history; this submission is a new round.
  const round = (await lastRound(tx, id)) + 1;
  await tx.purchaseRequest.update({ where: { id }, data: { rulesVersion: rules.rulesVersion } });
  const audit = { entityType: "PurchaseRequest", entityId: id, caseId: request.caseId };

  if (chain.kind === "self-sign-off") {
    await moveStatus(tx, viewer, request, "AWAITING_DECISION", "submitted");
    await rules.onSubmit?.({ tx, requestId: id, viewer });
    const submitted = { ...request, status: "AWAITING_DECISION" as const };
    await tx.decision.create({
      data: {
        authorityId: request.authorityId,
        purchaseRequestId: id,
        deciderId: viewer.id,
        role: "LEAD_PROFESSIONAL",
        outcome: "APPROVED",
        note: chain.reason,
        rulesVersion: rules.rulesVersion,
      },
    });
    await commitApproval(tx, viewer, submitted, rules, chain.reason);
    await rules.onDecision?.({ tx, requestId: id, viewer, outcome: "APPROVED", final: true });
    await recordAudit(tx, viewer, {
      ...audit,
      action: "purchase.self-sign-off",
      summary: `Signed off ${request.reference} (${formatPence(request.total as Pence)}) at once: ${chain.reason}`,
    });
    return;
  }

  await tx.approvalStep.createMany({
    data: chain.steps.map((step, position) => ({
      authorityId: request.authorityId,
      purchaseRequestId: id,
      round,
      position,
      role: step.role,
      areaId: step.areaId,
      label: step.label,
      status: position === 0 ? "PENDING" : "WAITING",
    })),
  });
  await moveStatus(tx, viewer, request, "AWAITING_DECISION", "submitted");
  await rules.onSubmit?.({ tx, requestId: id, viewer });
  await notifyApprovers(tx, request, chain.steps[0] as (typeof chain.steps)[number]);
  const who = chain.steps.map((step) => step.label).join(", then ");
  await recordAudit(tx, viewer, {
    ...audit,
    action: "purchase.submit",
    summary: `Submitted ${request.reference} (${formatPence(request.total as Pence)}) for a decision by the ${who}`,
  });
}

async function lastRound(tx: Transaction, id: string): Promise<number> {
  const last = await tx.approvalStep.aggregate({ _max: { round: true }, where: { purchaseRequestId: id } });
  return last._max.round ?? 0;
}
