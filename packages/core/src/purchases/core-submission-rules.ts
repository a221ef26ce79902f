import { availableOf } from "../budgets/budget-balances.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import type { RuleViolation } from "../schemes/scheme-rules.ts";

/** What core checks on every submission, whatever the scheme. */
export interface SubmissionFacts {
  requesterId: string;
  total: Pence;
  route: "SUPPLIER_ORDER" | "CASH";
  intendedOutcomes: string;
  otherFundingExplanation: string;
  items: { supplierId: string | null }[];
  case: { status: string; areaId: string; leadProfessionalId: string | null; assessmentCount: number };
  budget: {
    status: string;
    areaId: string | null;
    periodStart: Date;
    periodEnd: Date;
    allocated: number;
    committed: number;
    spent: number;
    lapsed: number;
  };
  today: Date;
}

/** Every rule core applies, as a list of everything wrong, so a person can fix all at once. */
export function coreSubmissionViolations(facts: SubmissionFacts): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const add = (code: string, message: string, field: string | null = null) => violations.push({ code, message, field });

  if (facts.case.status !== "OPEN") add("CASE_CLOSED", "The case is closed: requests can only be made for open cases.");
  // Spending authority follows the case: only its current lead professional may ask.
  if (facts.case.leadProfessionalId !== facts.requesterId)
    add("NOT_LEAD_PROFESSIONAL", "Only the case's lead professional can submit requests for it.");
  if (facts.case.assessmentCount === 0)
    add("NO_ASSESSMENT", "Record the CAF (or specialist) assessment before asking for money.", "caseId");
  if (facts.items.length === 0) add("NO_ITEMS", "Add at least one item.", "items");
  if (!facts.intendedOutcomes.trim())
    add("NO_INTENDED_OUTCOMES", "Say what difference this should make for the child.", "intendedOutcomes");
  if (!facts.otherFundingExplanation.trim())
    add(
      "NO_OTHER_FUNDING_EXPLANATION",
      "Say why statutory funding (such as section 17), benefits or charities cannot pay: the fund is a last resort.",
      "otherFundingExplanation",
    );
  if (facts.route === "SUPPLIER_ORDER" && facts.items.some((item) => !item.supplierId))
    add("SUPPLIER_NEEDED", "Name the supplier of every item when the authority is to order it.", "items");

  const budget = facts.budget;
  if (budget.status !== "OPEN") add("BUDGET_CLOSED", "The budget's period has closed.", "budgetId");
  else if (facts.today < budget.periodStart || facts.today > budget.periodEnd)
    add("OUTSIDE_BUDGET_PERIOD", "Today is outside the budget's period.", "budgetId");
  if (budget.areaId !== null && budget.areaId !== facts.case.areaId)
    add("BUDGET_FOR_OTHER_AREA", "This budget is for another area than the case's.", "budgetId");
  const available = availableOf(budget);
  if (facts.total > available)
    add(
      "OVER_BUDGET",
      `The request is for ${formatPence(facts.total)} but the budget has ${formatPence(available)} available.`,
      "items",
    );
  return violations;
}
