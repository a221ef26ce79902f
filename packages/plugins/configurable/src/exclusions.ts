import type { RequestUnderReview, RuleViolation } from "@pathfinder/core";
import type { ConfigurableSettings } from "./settings.ts";

type Child = RequestUnderReview["case"]["children"][number];

/** Each exclusion the authority may switch on: which children it catches, and what to do instead. */
const EXCLUSIONS: {
  flag: "excludeLookedAfter" | "excludeDirectPaymentsEligible" | "excludeDisabled";
  applies: (child: Child) => boolean;
  code: string;
  message: string;
}[] = [
  {
    flag: "excludeLookedAfter",
    applies: (child) => child.lookedAfter,
    code: "LOOKED_AFTER_EXCLUDED",
    message:
      "A child on this case is looked after by the authority, and this scheme does not fund looked-after children: ask the child's social worker about the budget for children in care.",
  },
  {
    flag: "excludeDirectPaymentsEligible",
    applies: (child) => child.eligibleForDirectPayments,
    code: "DIRECT_PAYMENTS_EXCLUDED",
    message:
      "A child on this case is eligible for direct payments, and this scheme does not fund them: meet the need through the family's direct payments.",
  },
  {
    flag: "excludeDisabled",
    applies: (child) => child.disabled,
    code: "DISABLED_EXCLUDED",
    message:
      "A child on this case is disabled, and this scheme does not fund disabled children: ask the disabled children's service.",
  },
];

/** Groups of children the authority has chosen to leave to other funding, one violation per group. */
export function exclusionViolations(
  settings: ConfigurableSettings,
  { case: theCase }: Pick<RequestUnderReview, "case">,
): RuleViolation[] {
  return EXCLUSIONS.filter((exclusion) => settings[exclusion.flag] && theCase.children.some(exclusion.applies)).map(
    ({ code, message }) => ({ code, message, field: "caseId" }),
  );
}
