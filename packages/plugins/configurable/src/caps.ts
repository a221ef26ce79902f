import {
  addDays,
  checkCumulativeCap,
  formatPence,
  type Pence,
  type RequestUnderReview,
  type RuleViolation,
} from "@pathfinder/core";
import type { ConfigurableSettings } from "./settings.ts";

/** Since the scheme began: a case's cap covers everything ever asked for it. */
const EVER = new Date(0);

/** The single-request cap needs nothing but the request. */
export function perRequestCapViolations(
  settings: ConfigurableSettings,
  { request }: Pick<RequestUnderReview, "request">,
): RuleViolation[] {
  if (request.total <= settings.perRequestCapPence) return [];
  return [
    {
      code: "PER_REQUEST_CAP_EXCEEDED",
      field: "items",
      message: `This scheme funds at most ${formatPence(settings.perRequestCapPence as Pence)} a request; this one is ${formatPence(request.total)}.`,
    },
  ];
}

/**
 * Running totals, so one need cannot be split into several requests that each fit: per case
 * (cumulative, since ever) and per child in a period (across every case the child is on).
 */
export async function cumulativeCapViolations(
  settings: ConfigurableSettings,
  review: RequestUnderReview,
): Promise<RuleViolation[]> {
  const violations: RuleViolation[] = [];
  if (settings.perCaseCapPence !== null)
    violations.push(
      ...(await checkCumulativeCap(review, {
        cap: settings.perCaseCapPence as Pence,
        scope: "case",
        since: EVER,
        describe: "per case",
      })),
    );
  const perChild = settings.perChildCap;
  if (perChild)
    violations.push(
      ...(await checkCumulativeCap(review, {
        cap: perChild.capPence as Pence,
        scope: "child",
        since: perChild.period === "budget-period" ? review.budget.periodStart : addDays(review.now, -365),
        describe:
          perChild.period === "budget-period" ? "per child in the budget's period" : "per child in any twelve months",
      })),
    );
  return violations;
}
