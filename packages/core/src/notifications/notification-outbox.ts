import type { DbClient as Transaction } from "../db/transaction.ts";
import { writeTogether } from "../db/write-together.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Role } from "../generated/prisma/enums.ts";
import type { LoadedRequest } from "../purchases/load-for-review.ts";
import { initialsOf, type NotificationEvent, type NotificationFacts } from "./notification-wording.ts";

// Writes to the outbox happen inside the transaction of the event they tell of, so a message
// is owed exactly when the event happened: a rolled-back decision owes none. The sender
// (notification-sender.ts) delivers them after the commit.

type RequestForFacts = Pick<LoadedRequest, "id" | "reference" | "total"> & {
  case: { reference: string; children: { child: { givenName: string; familyName: string } }[] };
};

/** The facts a message about a request may use: references, figures and initials. */
export function factsOf(request: RequestForFacts, extra: Partial<NotificationFacts> = {}): Partial<NotificationFacts> {
  return {
    requestId: request.id,
    reference: request.reference,
    caseReference: request.case.reference,
    initials: initialsOf(request.case.children.map(({ child }) => child)),
    amount: formatPence(request.total as Pence),
    ...extra,
  };
}

/**
 * The INSERT queueing one message per recipient, each as they asked (at once, in a digest, or
 * not at all); null with no recipients. For `writeTogether` (db/write-together.ts) or alone.
 */
function notificationInsert(
  authorityId: string,
  recipientIds: readonly string[],
  event: NotificationEvent,
  scheme: string,
  facts: Partial<NotificationFacts>,
): Prisma.Sql | null {
  if (recipientIds.length === 0) return null;
  // One statement: each recipient's preference is read where the row is written (a decision
  // sends this on every approval, so a separate read of the preferences was a round trip more).
  return Prisma.sql`
    INSERT INTO notification (authority_id, recipient_id, event, scheme, facts, digest)
    SELECT u.authority_id, u.id, ${event}, ${scheme}, ${JSON.stringify(facts)}::jsonb,
      u.notification_delivery = 'DAILY_DIGEST'
    FROM staff_user u
    WHERE u.id = ANY(${[...new Set(recipientIds)]}::uuid[]) AND u.authority_id = ${authorityId}::uuid
      AND u.active AND u.notification_delivery <> 'NONE'`;
}

/** Tells the holders of a step's role (in its area, or authority-wide) that a request awaits them. */
export async function notifyApprovers(
  tx: Transaction,
  request: RequestForFacts & { authorityId: string; requesterId: string; budget: { scheme: string } },
  step: { role: Role; areaId: string | null; label: string },
) {
  const holders = await tx.roleAssignment.findMany({
    where: {
      authorityId: request.authorityId,
      role: step.role,
      ...(step.areaId ? { OR: [{ areaId: step.areaId }, { areaId: null }] } : {}),
      // Nobody decides their own request, so nobody is asked to.
      staffUserId: { not: request.requesterId },
    },
    select: { staffUserId: true },
  });
  await writeTogether(tx, [
    notificationInsert(
      request.authorityId,
      holders.map((holder) => holder.staffUserId),
      "approval-awaited",
      request.budget.scheme,
      factsOf(request, { step: step.label }),
    ),
  ]);
}

type RequestForNotice = RequestForFacts & {
  authorityId: string;
  requesterId: string;
  budget: { scheme: string };
  case: { leadProfessionalId: string | null };
};

/** The message to the case's lead professional (or, with none, the requester), as an INSERT. */
export function leadProfessionalNotice(
  request: RequestForNotice,
  event: "decision-made" | "review-due",
  extra: Partial<NotificationFacts>,
): Prisma.Sql | null {
  const recipient = request.case.leadProfessionalId ?? request.requesterId;
  return notificationInsert(request.authorityId, [recipient], event, request.budget.scheme, factsOf(request, extra));
}

/** Tells the case's lead professional (or, with none, the requester) of a decision or a review due. */
export async function notifyLeadProfessional(
  tx: Transaction,
  request: RequestForNotice,
  event: "decision-made" | "review-due",
  extra: Partial<NotificationFacts>,
) {
  await writeTogether(tx, [leadProfessionalNotice(request, event, extra)]);
}
