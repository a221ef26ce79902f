import { withAuthority } from "../db/authority-scope.ts";
import type { Database } from "../db/prisma-client.ts";
import type { AuthorityId } from "../domain/ids.ts";
import { notifyLeadProfessional } from "../notifications/notification-outbox.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";

/** A registry, or how to build one that reads through a given (authority-scoped) transaction. */
export type SchemesFor = SchemeRegistry | ((db: Database) => SchemeRegistry);

/**
 * The reviews-due job: for every request whose outcome review has fallen due and is not yet
 * recorded, runs its scheme's `onReviewDue` hook once, and notes in the audit log that it did
 * (which is also how a second run knows to skip it). Run daily (`npm run jobs:reviews-due`).
 *
 * It works authority by authority, each unit of work in a transaction scoped to one authority,
 * so it runs as the application role under row-level security like the API does: a bug in a
 * scheme's hook cannot reach another authority's rows.
 */
export async function runReviewsDue(db: Database, schemes: SchemesFor, asOf = new Date()): Promise<number> {
  // The authority table is the list of tenants, not tenant-owned: readable without one set.
  const authorities = await db.authority.findMany({ select: { id: true }, orderBy: { code: "asc" } });
  let count = 0;
  for (const { id } of authorities) count += await reviewsDueIn(db, id as AuthorityId, schemes, asOf);
  return count;
}

async function reviewsDueIn(db: Database, authorityId: AuthorityId, schemes: SchemesFor, asOf: Date) {
  const due = await withAuthority(db, authorityId, async (tx) => {
    // One indexed anti-join rather than loading every past "review-due" event into memory.
    const dueIds = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM purchase_request r
      WHERE r.authority_id = ${authorityId}::uuid
        AND r.status IN ('APPROVED', 'FULFILLED', 'RECONCILED') AND r.review_due_on <= ${asOf}::date
        AND NOT EXISTS (
          SELECT 1 FROM audit_event e
          WHERE e.authority_id = r.authority_id AND e.entity_type = 'PurchaseRequest'
            AND e.entity_id = r.id AND e.action = 'purchase.review-due')`;
    return tx.purchaseRequest.findMany({
      where: { id: { in: dueIds.map((row) => row.id) } },
      include: { budget: true, case: { include: { children: { include: { child: true } } } } },
    });
  });
  for (const request of due) {
    await withAuthority(db, authorityId, async (tx) => {
      const registry = typeof schemes === "function" ? schemes(tx) : schemes;
      const rules = await registry.rulesFor(request.authorityId, request.budget.scheme, asOf);
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
      await notifyLeadProfessional(tx, request, "review-due", {
        reviewDueOn: (request.reviewDueOn ?? asOf).toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" }),
      });
    });
  }
  return due.length;
}
