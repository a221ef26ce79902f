import type { RequestUnderReview, RuleViolation } from "@pathfinder/core";

/**
 * The budget is for children in care: every child the request is for must be looked after.
 * Other children's needs are met from the authority's other budgets, so the message says so.
 */
export function lookedAfterViolations({ case: theCase }: RequestUnderReview): RuleViolation[] {
  const notLookedAfter = theCase.children.filter((child) => !child.lookedAfter);
  if (notLookedAfter.length === 0) return [];
  const who =
    notLookedAfter.length === theCase.children.length
      ? "no child on this case is looked after"
      : `${notLookedAfter.length} of the ${theCase.children.length} children on this case are not looked after`;
  return [
    {
      code: "CIC_NOT_LOOKED_AFTER",
      field: "caseId",
      message: `The children-in-care budget is only for looked-after children, and ${who}. Use another of your authority's budgets for this request.`,
    },
  ];
}
