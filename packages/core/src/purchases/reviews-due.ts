import { recordAudit } from "../audit/audit-log.ts";
import type { Database } from "../db/prisma-client.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";

/**
 * The reviews-due job: for every request whose outcome review has fallen due and is not yet
 * recorded, runs its scheme's `onReviewDue` hook once, and notes in the audit log that it did
 * (which is also how a second run knows to skip it). Run daily (`npm run jobs:reviews-due`).
 */
export async function runReviewsDue(db: Database, schemes: SchemeRegistry, asOf = new Date()): Promise<number> {
  const due = await db.purchaseRequest.findMany({
    where: {
      status: { in: ["APPROVED", "FULFILLED", "RECONCILED"] },
      reviewDueOn: { lte: asOf },
      NOT: {
        id: {
          in: (
            await db.auditEvent.findMany({ where: { action: "purchase.review-due" }, select: { entityId: true } })
          ).map((e) => e.entityId),
        },
      },
    },
    include: { budget: true, requester: true },
  });
  for (const request of due) {
    await db.$transaction(async (tx) => {
      const rules = await schemes.rulesFor(request.authorityId, request.budget.scheme, asOf);
      await rules.onReviewDue?.({ tx, requestId: request.id, viewer: null });
      const system = {
        id: request.requesterId,
        authorityId: request.authorityId,
        name: "Pathfinder",
        email: "",
        roles: [],
        cover: [],
      } as never;
      await recordAudit(tx, system, {
        action: "purchase.review-due",
        entityType: "PurchaseRequest",
        entityId: request.id,
        caseId: request.caseId,
        summary: `The outcome review of ${request.reference} is due`,
      });
    });
  }
  return due.length;
}
