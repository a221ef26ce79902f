import { principalsOf } from "../approvals/acting-as.ts";
import { decisionEligibility } from "../approvals/decision-eligibility.ts";
import { auditEntryInsert } from "../audit/audit-log.ts";
import type { Transaction } from "../db/transaction.ts";
import { writeTogether } from "../db/write-together.ts";
import type { StaffUserId } from "../domain/ids.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import { isUuid } from "../domain/uuid.ts";
import type { DecisionOutcome, Role } from "../generated/prisma/enums.ts";
import { DomainError, NotAuthorisedError, NotFoundError } from "../graphql/domain-errors.ts";
import { leadProfessionalNotice, notifyApprovers } from "../notifications/notification-outbox.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";
import { commitApproval } from "./commit-approval.ts";
import { lockAndLoadForDecision } from "./load-for-review.ts";
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

interface StepDecision {
  stepId: string;
  outcome: DecisionOutcome;
  deciderId: StaffUserId;
  onBehalfOfId: StaffUserId | null;
  role: Role;
  note: string;
  rulesVersion: string | null;
}

/**
 * Moves the step from PENDING to the outcome and writes the decision row in one statement, so
 * a decision costs one round trip for both (each is ~0.3 ms of the API's CPU on a 2-core
 * machine; bench/README.md). The decision is written only if the step was still pending: when
 * two approvers decide at once, the second writes nothing and is told so. Raw SQL because
 * Prisma sends an update and an insert as two statements.
 */
async function decideStep(tx: Transaction, decision: StepDecision): Promise<boolean> {
  const written = await tx.$executeRaw`
    WITH decided AS (
      UPDATE approval_step SET status = ${decision.outcome}::step_status
      WHERE id = ${decision.stepId}::uuid AND status = 'PENDING'
      RETURNING authority_id, purchase_request_id, id
    )
    INSERT INTO decision (authority_id, purchase_request_id, step_id, decider_id, on_behalf_of_id, role, outcome, note,
                          rules_version, decided_at)
    SELECT authority_id, purchase_request_id, id, ${decision.deciderId}::uuid, ${decision.onBehalfOfId}::uuid,
           ${decision.role}::role, ${decision.outcome}::decision_outcome, ${decision.note}, ${decision.rulesVersion},
           ${new Date()}::timestamptz
    FROM decided`;
  return written === 1;
}

/** Which requests the decider may decide (the ability's condition), and how to name a miss. */
export interface DecisionAccess {
  accessible: object;
  what: string;
  field: string | null;
}

/**
 * Records one decision on the request's current step. Approving the last step commits the
 * money; rejecting or returning ends the round. The step moves with a conditional update, so
 * two approvers deciding at once cannot both decide it. `access`: the request must be one the
 * viewer may decide, or it is NOT_FOUND (as findAccessible answers); jobs and the demo pass none.
 */
export async function decidePurchase(
  tx: Transaction,
  viewer: Viewer,
  schemes: SchemeRegistry,
  id: string,
  outcome: DecisionOutcome,
  note: string,
  access: DecisionAccess = { accessible: {}, what: "The request", field: null },
) {
  if (!isUuid(id)) throw new NotFoundError(access.what, access.field);
  const request = await lockAndLoadForDecision(tx, id, access.accessible);
  if (!request) throw new NotFoundError(access.what, access.field);
  // The step being decided: the first pending one of the latest round (steps come latest round first).
  const step = request.steps.find((candidate) => candidate.status === "PENDING") ?? null;
  const eligibility = decisionEligibility(
    principalsOf(viewer),
    request,
    step && { ...step, areaName: step.area?.name ?? null },
  );
  if (!eligibility.allowed) throw new NotAuthorisedError(eligibility.reason);
  if (!step) throw new DomainError("NOT_AWAITING_DECISION", "The request is not awaiting a decision.");

  const rules = await schemes.rulesFor(request.authorityId, request.budget.scheme, new Date());
  const principal = eligibility.principal;
  const decided = await decideStep(tx, {
    stepId: step.id,
    outcome,
    deciderId: viewer.id,
    onBehalfOfId: principal.cover ? principal.id : null,
    role: step.role,
    note,
    rulesVersion: request.rulesVersion ?? rules.rulesVersion,
  });
  if (!decided) throw new DomainError("CHANGED_MEANWHILE", "Someone else decided this step just now.");

  let final = true;
  if (outcome === "APPROVED") {
    // The next step of the round, loaded with the request: only this decision changed a step since.
    const next =
      request.steps.find((candidate) => candidate.round === step.round && candidate.status === "WAITING") ?? null;
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
  const cover = principal.cover ? ` as cover for ${principal.name}` : "";
  // The lead professional's message and the audit entry read nothing the other writes.
  await writeTogether(tx, [
    final ? leadProfessionalNotice(request, "decision-made", { outcome: outcomeWords[outcome] }) : null,
    auditEntryInsert(viewer, {
      action: `purchase.${outcome.toLowerCase()}`,
      entityType: "PurchaseRequest",
      entityId: id,
      caseId: request.caseId,
      summary: `${verbs[outcome]} ${request.reference} (${formatPence(request.total as Pence)}) as ${step.label}${cover}${note ? `: ${note}` : ""}`,
    }),
  ]);
}
