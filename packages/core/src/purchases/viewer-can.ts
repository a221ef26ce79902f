import { principalsOf } from "../approvals/acting-as.ts";
import { decisionEligibility, type StepForDecision } from "../approvals/decision-eligibility.ts";
import { availableOf, type BudgetTotals } from "../budgets/budget-balances.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import type { PurchaseStatus } from "../generated/prisma/enums.ts";
import type { AppAbility } from "../permissions/casl-prisma.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { describeStatus } from "./purchase-status.ts";

export interface Permission {
  allowed: boolean;
  /** Why not, in words the portal can show beside a disabled button. */
  reason: string | null;
}

const yes: Permission = { allowed: true, reason: null };
const no = (reason: string): Permission => ({ allowed: false, reason });

export interface RequestFacts {
  status: PurchaseStatus;
  route: "SUPPLIER_ORDER" | "CASH";
  requesterId: string;
  total: number;
  leadProfessionalId: string | null;
  budget: BudgetTotals;
  currentStep: (StepForDecision & { isLast: boolean }) | null;
}

/** What the viewer may do with a request, and why not: Open Collective's `permissions` idea. */
export function viewerCan(viewer: Viewer | null, ability: AppAbility, request: RequestFacts) {
  if (!viewer) {
    const signIn = no("Sign in first.");
    return {
      submit: signIn,
      edit: signIn,
      withdraw: signIn,
      approve: signIn,
      reject: signIn,
      returnForChanges: signIn,
      fulfil: signIn,
      recordReceipt: signIn,
      returnUnspent: signIn,
      reconcile: signIn,
      recordReview: signIn,
    };
  }
  const status = request.status;
  const isRequester = viewer.id === request.requesterId;
  const leads = viewer.id === request.leadProfessionalId;
  const inStatus = (allowed: PurchaseStatus[], what: string) =>
    allowed.includes(status) ? yes : no(`The request is ${describeStatus(status)}, so it cannot be ${what}.`);
  const and = (...checks: Permission[]) => checks.find((check) => !check.allowed) ?? yes;
  const requesterOnly = isRequester ? yes : no("Only the person who raised the request can do this.");
  const leadOnly = leads ? yes : no("Only the case's current lead professional can do this.");
  const finance = ability.can("fulfil", "PurchaseRequest") ? yes : no("Finance does this.");

  const eligibility = decisionEligibility(principalsOf(viewer), request, request.currentStep);
  const decide = eligibility.allowed ? yes : no(eligibility.reason);
  const available = availableOf(request.budget);
  const affordable =
    !request.currentStep?.isLast || request.total <= available
      ? yes
      : no(
          `The budget has ${formatPence(available)} available, not enough for ${formatPence(request.total as Pence)}.`,
        );

  return {
    submit: and(inStatus(["DRAFT", "RETURNED"], "submitted"), requesterOnly, leadOnly),
    edit: and(inStatus(["DRAFT", "RETURNED"], "changed"), requesterOnly),
    withdraw: and(inStatus(["DRAFT", "RETURNED", "AWAITING_DECISION", "APPROVED"], "withdrawn"), requesterOnly),
    approve: and(decide, affordable),
    reject: decide,
    returnForChanges: decide,
    fulfil: and(inStatus(["APPROVED"], "fulfilled"), finance),
    recordReceipt: and(
      inStatus(["FULFILLED"], "given receipts"),
      finance.allowed || isRequester ? yes : no("The lead professional or finance records receipts."),
    ),
    returnUnspent: and(
      inStatus(["FULFILLED"], "given returned cash"),
      request.route === "CASH" ? yes : no("Only cash can be returned."),
      finance,
    ),
    reconcile: and(inStatus(["FULFILLED"], "reconciled"), finance),
    recordReview: and(inStatus(["RECONCILED"], "reviewed"), leadOnly),
  };
}
