import { principalsOf } from "../approvals/acting-as.ts";
import { decisionEligibility } from "../approvals/decision-eligibility.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Transaction } from "../db/transaction.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import type { DecisionOutcome } from "../generated/prisma/enums.ts";
import { DomainError, NotAuthorisedError } from "../graphql/domain-errors.ts";
import { notifyApprovers, notifyLeadProfessional } from "../notifications/notification-outbox.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";
import { commitApproval } from "./commit-approval.ts";
import { lockAndLoadRequest } from "./load-for-review.ts";
import { moveStatus } from "./purchase-status.ts";

const outcomeWords: Record<DecisionOutcome, string> = {
  APPROVED: "approved",
  REJECTED: "rejected",
  RETURNED: "returned for changes",
};

const verbs: Record<DecisionOutcome, string> = {
  APPROVED: "Approved",
  REJECTED: "Rejected",
  RETURNED: "Returned for changes",
};

/**
 * Records one decision on the request's current step. Approving the last step commits the
 * money; rejecting or returning ends the round. The step moves with a conditional update, so
 * two approvers deciding at once cannot both decide it.
 */
export async function decidePurchase(
  tx: Transaction,
  viewer: Viewer,
  schemes: SchemeRegistry,
  id: string,
  outcome: DecisionOutcome,
  note: string,
) {
  const request = await lockAndLoadRequest(tx, id);
  const step = await tx.approvalStep.findFirst({
    where: { purchaseRequestId: id, status: "PENDING" },
    include: { area: true },
    orderBy: [{ round: "desc" }, { position: "asc" }],
  });
  const eligibility = decisionEligibility(
    principalsOf(viewer),
    request,
    step && { ...step, areaName: step.area?.name ?? null },
  );
  if (!eligibility.allowed) throw new NotAuthorisedError(eligibility.reason);
  if (!step) throw new DomainError("NOT_AWAITING_DECISION", "The request is not awaiting a decision.");

  const decided = await tx.approvalStep.updateMany({
    where: { id: step.id, status: "PENDING" },
    data: { status: outcome },
  });
  if (decided.count !== 1) throw new DomainError("CHANGED_MEANWHILE", "Someone else decided this step just now.");
  const rules = await schemes.rulesFor(request.authorityId, request.budget.scheme, new Date());
  const principal = eligibility.principal;
  await tx.decision.create({
    data: {
      authorityId: request.authorityId,
      purchaseRequestId: id,
      stepId: step.id,
      deciderId: viewer.id,
      onBehalfOfId: principal.cover ? principal.id : null,
      role: step.role,
      outcome,
      note,
      rulesVersion: request.rulesVersion ?? rules.rulesVersion,
    },
  });

  let final = true;
  if (outcome === "APPROVED") {
    const next = await tx.approvalStep.findFirst({
      where: { purchaseRequestId: id, round: step.round, status: "WAITING" },
      orderBy: { position: "asc" },
    });
    final = next === null;
    if (next) {
      await tx.approvalStep.update({ where: { id: next.id }, data: { status: "PENDING" } });
      await notifyApprovers(tx, request, next);
    } else await commitApproval(tx, viewer, request, rules, note);
  } else {
    await tx.approvalStep.updateMany({
      where: { purchaseRequestId: id, round: step.round, status: "WAITING" },
      data: { status: "CANCELLED" },
    });
    await moveStatus(tx, viewer, request, outcome, outcome === "REJECTED" ? "rejected" : "returned", note);
  }
  await rules.onDecision?.({ tx, requestId: id, viewer, outcome, final });
  if (final) await notifyLeadProfessional(tx, request, "decision-made", { outcome: outcomeWords[outcome] });
  const cover = principal.cover ? ` as cover for ${principal.name}` : "";
  await recordAudit(tx, viewer, {
    action: `purchase.${outcome.toLowerCase()}`,
    entityType: "PurchaseRequest",
    entityId: id,
    caseId: request.caseId,
    summary: `${verbs[outcome]} ${request.reference} (${formatPence(request.total as Pence)}) as ${step.label}${cover}${note ? `: ${note}` : ""}`,
  });
}
