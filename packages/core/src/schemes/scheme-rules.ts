// The seam between core's mechanics and a scheme's policies. Core owns the purchase state
// machine, the ledger and the approval engine; a scheme (a plugin) supplies these pure-ish
// functions of the request. Core's own default scheme is in core-scheme.ts.
import type { Transaction } from "../db/transaction.ts";
import type { Pence } from "../domain/money.ts";
import type { Role } from "../generated/prisma/enums.ts";
import type { Viewer } from "../permissions/viewer.ts";

export interface ApprovalStepSpec {
  role: Role;
  /** Whose holders of the role decide: an area's, or (null) anyone's in the authority. */
  areaId: string | null;
  /** The scheme's name for the step: "Pathway co-ordinator", "Integrated Processes Coordinator". */
  label: string;
}

export type ApprovalChain =
  /** The requester may sign off at once (Devon: up to £100). */
  | { kind: "self-sign-off"; reason: string }
  | { kind: "steps"; steps: ApprovalStepSpec[] }
  /** No one may approve this (Devon: over £1,000). */
  | { kind: "refused"; reason: string };

export interface RuleViolation {
  code: string;
  message: string;
  /** The input field concerned, so the portal can show the message beside it. */
  field?: string | null;
}

/** Everything a scheme's rules may look at when a request is submitted. */
export interface RequestUnderReview {
  request: {
    id: string;
    authorityId: string;
    total: Pence;
    route: "SUPPLIER_ORDER" | "CASH";
    ecmOutcomes: string[];
    intendedOutcomes: string;
    otherFundingExplanation: string;
    matchedFunding: Pence;
    extensions: Record<string, unknown>;
    items: { category: string; description: string; supplierId: string | null; unitCost: Pence; quantity: number }[];
  };
  case: {
    id: string;
    areaId: string;
    children: {
      id: string;
      dateOfBirth: Date;
      lookedAfter: boolean;
      disabled: boolean;
      eligibleForDirectPayments: boolean;
      householdId: string | null;
    }[];
    assessments: { kind: string; completedOn: Date; priorityNeeds: string[]; documentId: string | null }[];
  };
  budget: { id: string; areaId: string | null; scheme: string; periodStart: Date; periodEnd: Date };
  requester: Viewer;
  now: Date;
  /** For rules that must look further (cumulative caps); read-only by convention. */
  tx: Transaction;
}

/** What a lifecycle hook is told: which request, who acted, and the transaction to act in. */
export interface SchemeEvent {
  tx: Transaction;
  requestId: string;
  /** null when the platform acts by itself (a review falling due). */
  viewer: Viewer | null;
}

/**
 * A scheme's lifecycle hooks. Each runs inside the transaction of the stage it follows, so
 * what it writes lands with the stage or not at all; throwing a DomainError refuses the stage.
 */
export interface SchemeHooks {
  onSubmit?(event: SchemeEvent): Promise<void>;
  onDecision?(event: SchemeEvent & { outcome: "APPROVED" | "REJECTED" | "RETURNED"; final: boolean }): Promise<void>;
  onFulfilment?(event: SchemeEvent): Promise<void>;
  /** When the outcome review falls due (run by the reviews-due job, once per request). */
  onReviewDue?(event: SchemeEvent): Promise<void>;
}

export interface SchemeRules extends SchemeHooks {
  schemeId: string;
  /** Which version of the authority's settings these rules embody; recorded on every decision. */
  rulesVersion: string;
  checkSubmission(review: RequestUnderReview): Promise<RuleViolation[]>;
  approvalChain(review: RequestUnderReview): Promise<ApprovalChain>;
  /** When the outcome review falls due, decided on approval. */
  reviewDueOn(review: { total: Pence; approvedOn: Date }): Date;
  /** How long a lead professional has to bring back receipts and change for cash. */
  receiptsDueInDays: number;
}

/** Finds the rules of the scheme a budget belongs to, as the authority configured them. */
export interface SchemeRegistry {
  rulesFor(authorityId: string, schemeId: string, at: Date): Promise<SchemeRules>;
}
