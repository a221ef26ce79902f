import { subject } from "@casl/ability";
import type { Transaction } from "../db/transaction.ts";
import type { Case } from "../generated/prisma/client.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { idOfType } from "../graphql/global-id.ts";
import type { Action } from "../permissions/casl-prisma.ts";

/**
 * The case a mutation works on, if the viewer may do `action` to it (checked in the same SQL
 * query). A case of another authority, or one the viewer may not touch, is NOT_FOUND.
 */
export function loadCase(
  tx: Transaction,
  context: GraphQLContext,
  globalId: { typename: string; id: string },
  action: Action,
  field: string,
) {
  const id = idOfType(globalId, "Case", field);
  return findAccessible(tx, context.ability, "case", id, action, "The case", field);
}

/** Work is only recorded on open cases. */
export function requireOpen(theCase: Pick<Case, "status" | "reference">, field: string): void {
  if (theCase.status !== "OPEN")
    throw new DomainError(
      "CASE_CLOSED",
      `Case ${theCase.reference} is closed, so nothing more can be done on it.`,
      field,
    );
}

type CaseRecord = "Assessment" | "TeamMeeting" | "UnmetNeed";
const recordWords: Record<CaseRecord, string> = {
  Assessment: "assessments",
  TeamMeeting: "Team Around the Child meetings",
  UnmetNeed: "unmet needs",
};

/**
 * Whether the viewer may add this kind of record to the case. The rules speak of the record's
 * case (`case: { is: … }`), so the would-be record is checked in memory with its case attached.
 */
export function requireCanRecord(context: GraphQLContext, kind: CaseRecord, theCase: Case, field: string): void {
  const draft = { authorityId: theCase.authorityId, caseId: theCase.id, case: theCase };
  if (!context.ability.can("create", subject(kind, draft as never)))
    throw new DomainError(
      "NOT_AUTHORISED",
      `Only the case's lead professional can record ${recordWords[kind]} on it.`,
      field,
    );
}
