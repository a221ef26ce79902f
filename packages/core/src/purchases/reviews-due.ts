import type { Database } from "../db/prisma-client.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";

/**
 * The reviews-due job: for every request whose outcome review has fallen due and is not yet
 * recorded, runs its scheme's `onReviewDue` hook once, and notes in the audit log that it did
 * (which is also how a second run knows to skip it). Run daily (`npm run jobs:reviews-due`).
 */
export async function runReviewsDue(db: Database, schemes: SchemeRegistry, asOf = new Date()): Promise<number> {
  // One indexed anti-join rather than loading every past "review-due" event into memory.
  const dueIds = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM purchase_request r
    WHERE r.status IN ('APPROVED', 'FULFILLED', 'RECONCILED') AND r.review_due_on <= ${asOf}::date
      AND NOT EXISTS (
        SELECT 1 FROM audit_event e
        WHERE e.authority_id = r.authority_id AND e.entity_type = 'PurchaseRequest'
          AND e.entity_id = r.id AND e.action = 'purchase.review-due')`;
  const due = await db.purchaseRequest.findMany({
    where: { id: { in: dueIds.map((row) => row.id) } },
    include: { budget: true },
  });
  for (const request of due) {
    await db.$transaction(async (tx) => {
      const rules = await schemes.rulesFor(request.authorityId, request.budget.scheme, asOf);
      await rules.onReviewDue?.({ tx, requestId: request.id, viewer: null });
      // The platform acts here, not a person: the event has no actor.
      await tx.auditEvent.create({
        data: {
          authorityId: request.authorityId,
          actorId: null,
          action: "purchase.review-due",
          entityType: "PurchaseRequest",
          entityId: request.id,
          caseId: request.caseId,
          summary: `The outcome review of ${request.reference} is due`,
        },
      });
    });
  }
  return due.length;
}
