import {
  checkCumulativeCap,
  formatPence,
  type Pence,
  type RequestUnderReview,
  type RuleViolation,
} from "@pathfinder/core";
import { dorsetExtensionOf } from "./request-extension.ts";
import type { DorsetSettings } from "./settings.ts";

/** Every request since the pilot began counts: the protocol's maximum is "in each case", not per year. */
const PILOT_BEGAN = new Date("2000-01-01");

/**
 * "Maximum level of support in each case will be up to £500 or £1000 in exceptional
 * circumstances": a running total per case, so one need cannot be split into small requests.
 * Above the usual limit the lead professional must say, in writing, what is exceptional.
 */
export async function dorsetCaseLimits(settings: DorsetSettings, review: RequestUnderReview): Promise<RuleViolation[]> {
  const { exceptional, exceptionalReason } = dorsetExtensionOf(review.request.extensions);
  const usual = formatPence(settings.caseLimit as Pence);
  const most = formatPence(settings.exceptionalCaseLimit as Pence);
  const rule = `Dorset's protocol allows up to ${usual} a case, or up to ${most} in exceptional circumstances.`;
  const cap = (limit: number) =>
    checkCumulativeCap(review, { cap: limit as Pence, scope: "case", since: PILOT_BEGAN, describe: "per case" });

  const overMost = await cap(settings.exceptionalCaseLimit);
  if (overMost.length > 0)
    return overMost.map((violation) => ({
      ...violation,
      code: "EXCEPTIONAL_LIMIT_EXCEEDED",
      message: `${rule} ${violation.message}`,
    }));

  const violations: RuleViolation[] = [];
  const overUsual = await cap(settings.caseLimit);
  if (overUsual.length > 0 && !exceptional)
    violations.push(
      ...overUsual.map((violation) => ({
        ...violation,
        code: "CASE_LIMIT_EXCEEDED",
        message: `${rule} ${violation.message} If the circumstances are exceptional, mark the request exceptional and say why.`,
      })),
    );
  if (exceptional && !exceptionalReason)
    violations.push({
      code: "EXCEPTIONAL_REASON_REQUIRED",
      field: "extensions.dorset.exceptionalReason",
      message: "Say in writing what makes the circumstances exceptional.",
    });
  return violations;
}

/**
 * "Finance is limited to a total of £40,000 for the pilot period": the localities' budgets
 * share it, so however the money was allocated between them, the pilot as a whole never
 * promises more than its total. What counts: every Dorset budget's committed and spent money
 * (from the ledger, so under-spends released come back), plus requests awaiting a decision.
 */
export async function dorsetPilotTotal(settings: DorsetSettings, review: RequestUnderReview): Promise<RuleViolation[]> {
  const { tx, request } = review;
  const pilot = { authorityId: request.authorityId, scheme: "dorset" };
  // One after the other: a transaction's queries share one connection.
  const budgets = await tx.budget.aggregate({ _sum: { committed: true, spent: true }, where: pilot });
  const waiting = await tx.purchaseRequest.aggregate({
    _sum: { total: true },
    where: {
      authorityId: request.authorityId,
      id: { not: request.id },
      status: "AWAITING_DECISION",
      budget: { is: pilot },
    },
  });
  const used = (budgets._sum.committed ?? 0) + (budgets._sum.spent ?? 0) + (waiting._sum.total ?? 0);
  if (used + request.total <= settings.pilotTotal) return [];
  const left = Math.max(0, settings.pilotTotal - used) as Pence;
  return [
    {
      code: "PILOT_TOTAL_EXCEEDED",
      field: "items",
      message: `The pilot has ${formatPence(settings.pilotTotal as Pence)} in all: ${formatPence(used as Pence)} is already promised, spent or awaiting a decision, so this request can be at most ${formatPence(left)}.`,
    },
  ];
}
