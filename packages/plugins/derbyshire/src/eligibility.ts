import type { RequestUnderReview, RuleViolation } from "@pathfinder/core";
import { birthday, dayInLondon, formatDay } from "./calendar.ts";
import type { DerbyshireSettings } from "./settings.ts";

type Child = RequestUnderReview["case"]["children"][number];

/**
 * "The age entitlement was 0 – 19 years. The budget could be accessed for all children/young
 * people with additional needs. The only exceptions, at the onset of the pilot, were Looked After
 * Children and Disabled children who are eligible for Direct Payments." Each child on the case,
 * on the day of submission.
 */
export function derbyshireEligibility(
  settings: DerbyshireSettings,
  { case: theCase, now }: RequestUnderReview,
): RuleViolation[] {
  const today = dayInLondon(now);
  return theCase.children.flatMap((child) => [
    ...ageRule(settings, child, today),
    ...(settings.excludeLookedAfterAndDirectPayments ? exclusions(child) : []),
  ]);
}

function ageRule(settings: DerbyshireSettings, child: Child, today: string): RuleViolation[] {
  const tooOldFrom = birthday(child.dateOfBirth, settings.maxAge + 1);
  if (tooOldFrom > today) return [];
  return [
    {
      code: "CHILD_TOO_OLD",
      field: "caseId",
      message: `A young person on this case (born ${formatDay(child.dateOfBirth)}) turned ${settings.maxAge + 1} on ${formatDay(tooOldFrom)}: Derbyshire's budget is for children and young people aged 0 to ${settings.maxAge}.`,
    },
  ];
}

/** Their needs are met through care planning and direct payments, not this budget. */
function exclusions(child: Child): RuleViolation[] {
  const born = formatDay(child.dateOfBirth);
  if (child.lookedAfter)
    return [
      {
        code: "LOOKED_AFTER_EXCLUDED",
        field: "caseId",
        message: `A child on this case (born ${born}) is looked after: Derbyshire's budget does not fund looked-after children; their care plan does.`,
      },
    ];
  if (child.disabled && child.eligibleForDirectPayments)
    return [
      {
        code: "DIRECT_PAYMENTS_EXCLUDED",
        field: "caseId",
        message: `A child on this case (born ${born}) is disabled and eligible for direct payments: Derbyshire's budget does not fund what direct payments can.`,
      },
    ];
  return [];
}
