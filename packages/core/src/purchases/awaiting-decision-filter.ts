import { principalsOf } from "../approvals/acting-as.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Viewer } from "../permissions/viewer.ts";

/**
 * Requests whose current step the viewer (or a colleague they cover for) may decide, as a
 * SQL filter: awaiting a decision, not raised by the viewer, and a PENDING step for one of
 * their roles in its area (an authority-wide role matches every area).
 */
export function awaitingDecisionBy(viewer: Viewer): Prisma.PurchaseRequestWhereInput {
  const stepMatches = principalsOf(viewer).flatMap((principal) =>
    principal.roles.map((assignment) =>
      assignment.areaId === null
        ? { role: assignment.role }
        : { role: assignment.role, OR: [{ areaId: assignment.areaId }, { areaId: null }] },
    ),
  );
  if (stepMatches.length === 0) return { id: { in: [] } };
  return {
    status: "AWAITING_DECISION",
    requesterId: { not: viewer.id },
    steps: { some: { status: "PENDING", OR: stepMatches } },
  };
}
