import type { Pence } from "../domain/money.ts";
import { formatPence } from "../domain/money.ts";
import type { RequestUnderReview, RuleViolation } from "./scheme-rules.ts";

/** Requests whose money is promised or spent (or waiting for a decision) count towards a cap. */
const COUNTING = ["AWAITING_DECISION", "APPROVED", "FULFILLED", "RECONCILED", "CLOSED"] as const;

export interface CumulativeCap {
  cap: Pence;
  /** "case": everything for this case; "child": everything for any child on this request's case. */
  scope: "case" | "child";
  /** Count requests submitted on or after this date (a scheme's period, a year…). */
  since: Date;
  /** Words for the message: "per case", "per child this year". */
  describe: string;
}

/**
 * A cap on the running total, so one need cannot be split into several small requests
 * that each slip under a per-request threshold.
 */
export async function checkCumulativeCap(review: RequestUnderReview, rule: CumulativeCap): Promise<RuleViolation[]> {
  const childIds = review.case.children.map((child) => child.id);
  const caseFilter =
    rule.scope === "case"
      ? { caseId: review.case.id }
      : { case: { children: { some: { childId: { in: childIds } } } } };
  const earlier = await review.tx.purchaseRequest.aggregate({
    _sum: { total: true },
    where: {
      authorityId: review.request.authorityId,
      id: { not: review.request.id },
      status: { in: [...COUNTING] },
      submittedAt: { gte: rule.since },
      ...caseFilter,
    },
  });
  const already = (earlier._sum.total ?? 0) as Pence;
  if (already + review.request.total <= rule.cap) return [];
  return [
    {
      code: "CUMULATIVE_CAP_EXCEEDED",
      field: "items",
      message: `The limit is ${formatPence(rule.cap)} ${rule.describe}: ${formatPence(already)} is already approved or awaiting a decision, so this request can be at most ${formatPence(Math.max(0, rule.cap - already) as Pence)}.`,
    },
  ];
}
