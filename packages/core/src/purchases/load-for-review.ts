import { availableOf } from "../budgets/budget-balances.ts";
import type { Transaction } from "../db/transaction.ts";
import type { Pence } from "../domain/money.ts";
import { isUuid } from "../domain/uuid.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { RequestUnderReview } from "../schemes/scheme-rules.ts";

/** What the rules look at: items in order, the budget, and the case with its children (oldest
 * first, as the case lists them, so scheme rules report in a stable order) and assessments. */
const underReview = {
  items: { orderBy: { position: "asc" } },
  budget: true,
  case: {
    include: {
      children: { include: { child: true }, orderBy: [{ child: { dateOfBirth: "asc" } }, { childId: "asc" }] },
      assessments: true,
    },
  },
} satisfies Prisma.PurchaseRequestInclude;

/**
 * Locks the request's row until the transaction ends. The id is written into the statement,
 * checked to be a UUID first, rather than sent as a parameter: a statement without parameters
 * goes by the simple query protocol, so the mutation's savepoint, held until the next statement,
 * travels in the same message (db/begin-with-first-statement.ts): one round trip fewer on every
 * submission and decision.
 */
async function lockRequestRow(tx: Transaction, id: string): Promise<void> {
  if (!isUuid(id)) throw new Error("A purchase request id is not a UUID.");
  await tx.$executeRawUnsafe(`SELECT 1 FROM purchase_request WHERE id = '${id}' FOR NO KEY UPDATE`);
}

/**
 * Locks a request's row for this transaction and loads what the rules look at. The lock means
 * two submissions or decisions on the same request queue rather than interleave.
 */
export async function lockAndLoadRequest(tx: Transaction, id: string) {
  await lockRequestRow(tx, id);
  return tx.purchaseRequest.findUniqueOrThrow({
    where: { id },
    include: underReview,
  });
}

export type LoadedRequest = Awaited<ReturnType<typeof lockAndLoadRequest>>;

/**
 * As lockAndLoadRequest, for a decision: only a request the viewer may decide (`accessible`, the
 * ability's condition, checked in the same query as the load), and with its approval steps, so
 * the decision finds the step it decides and the one after it without further queries. Null
 * when the request does not exist or is not the viewer's to decide. Steps change only under
 * this lock (each write to them comes after it), so what is loaded stays true until commit.
 */
export async function lockAndLoadForDecision(tx: Transaction, id: string, accessible: object) {
  await lockRequestRow(tx, id);
  return tx.purchaseRequest.findFirst({
    where: { AND: [accessible, { id }] },
    include: {
      ...underReview,
      steps: { include: { area: true }, orderBy: [{ round: "desc" }, { position: "asc" }] },
    },
  });
}

export function reviewOf(tx: Transaction, request: LoadedRequest, requester: Viewer, now: Date): RequestUnderReview {
  return {
    request: {
      id: request.id,
      authorityId: request.authorityId,
      total: request.total as Pence,
      route: request.route,
      ecmOutcomes: request.ecmOutcomes,
      intendedOutcomes: request.intendedOutcomes,
      otherFundingExplanation: request.otherFundingExplanation,
      matchedFunding: request.matchedFunding as Pence,
      extensions: (request.extensions ?? {}) as Record<string, unknown>,
      items: request.items.map((item) => ({ ...item, unitCost: item.unitCost as Pence })),
    },
    case: {
      id: request.case.id,
      areaId: request.case.areaId,
      children: request.case.children.map(({ child }) => child),
      assessments: request.case.assessments,
    },
    budget: { ...request.budget, available: availableOf(request.budget) } as RequestUnderReview["budget"],
    requester,
    now,
    tx,
  };
}
