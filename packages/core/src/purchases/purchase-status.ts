import type { Transaction } from "../db/transaction.ts";
import type { PurchaseStatus } from "../generated/prisma/enums.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import type { Viewer } from "../permissions/viewer.ts";

/** Every move a purchase request may make. Anything else is refused. */
const transitions: Record<PurchaseStatus, readonly PurchaseStatus[]> = {
  DRAFT: ["AWAITING_DECISION", "APPROVED", "WITHDRAWN"],
  RETURNED: ["AWAITING_DECISION", "APPROVED", "WITHDRAWN"],
  AWAITING_DECISION: ["APPROVED", "REJECTED", "RETURNED", "WITHDRAWN"],
  APPROVED: ["FULFILLED", "WITHDRAWN"],
  FULFILLED: ["RECONCILED"],
  RECONCILED: ["CLOSED"],
  REJECTED: [],
  WITHDRAWN: [],
  CLOSED: [],
};

const words: Record<PurchaseStatus, string> = {
  DRAFT: "a draft",
  RETURNED: "returned for changes",
  AWAITING_DECISION: "awaiting a decision",
  APPROVED: "approved",
  FULFILLED: "fulfilled",
  RECONCILED: "reconciled",
  REJECTED: "rejected",
  WITHDRAWN: "withdrawn",
  CLOSED: "closed",
};

export const describeStatus = (status: PurchaseStatus) => words[status];

export class WrongStatusError extends DomainError {
  constructor(action: string, status: PurchaseStatus) {
    super("WRONG_STATUS", `This request is ${words[status]}, so it cannot be ${action}.`);
  }
}

/** Time stamps kept for reporting how long each stage took. */
const stampFor: Partial<
  Record<PurchaseStatus, "submittedAt" | "decidedAt" | "fulfilledAt" | "reconciledAt" | "closedAt">
> = {
  AWAITING_DECISION: "submittedAt",
  APPROVED: "decidedAt",
  REJECTED: "decidedAt",
  RETURNED: "decidedAt",
  FULFILLED: "fulfilledAt",
  RECONCILED: "reconciledAt",
  CLOSED: "closedAt",
};

/**
 * Moves a request to its next status with a conditional update (`WHERE status = from`), so
 * two people acting at once cannot both move it, and writes the history row beside it.
 */
export async function moveStatus(
  tx: Transaction,
  viewer: Viewer,
  request: { id: string; authorityId: string; status: PurchaseStatus },
  to: PurchaseStatus,
  action: string,
  note = "",
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (!transitions[request.status].includes(to)) throw new WrongStatusError(action, request.status);
  const now = new Date();
  const stamp = stampFor[to];
  const moved = await tx.purchaseRequest.updateMany({
    where: { id: request.id, authorityId: request.authorityId, status: request.status },
    data: {
      status: to,
      ...(stamp ? { [stamp]: now } : {}),
      ...(to === "AWAITING_DECISION" ? { decidedAt: null } : {}),
      ...extra,
    },
  });
  if (moved.count !== 1)
    throw new DomainError("CHANGED_MEANWHILE", "Someone else changed this request just now. Reload it and try again.");
  await tx.purchaseStatusChange.create({
    data: {
      authorityId: request.authorityId,
      purchaseRequestId: request.id,
      fromStatus: request.status,
      toStatus: to,
      actorId: viewer.id,
      note,
      at: now,
    },
  });
}
