import { subject } from "@casl/ability";
import { recordAudit } from "../audit/audit-log.ts";
import type { Transaction } from "../db/transaction.ts";
import type { Case, Child } from "../generated/prisma/client.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { idOfType } from "../graphql/global-id.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { nextCaseReference } from "./case-reference.ts";

type GlobalId = { typename: string; id: string };

export interface CaseChildEntry {
  existingChildId?: GlobalId | null;
  givenName?: string | null;
  familyName?: string | null;
  dateOfBirth?: Date | null;
  lookedAfter?: boolean | null;
  disabled?: boolean | null;
  eligibleForDirectPayments?: boolean | null;
  householdName?: string | null;
}

export interface OpenCaseRequest {
  areaId: GlobalId;
  children: CaseChildEntry[];
  plan?: string | null;
}

/** The children already on record, each one the viewer may read, named once. */
async function existingChildren(tx: Transaction, context: GraphQLContext, entries: CaseChildEntry[]) {
  const found = new Map<number, Child>();
  for (const [index, entry] of entries.entries()) {
    if (!entry.existingChildId) continue;
    const field = `input.children.${index}.existingChildId`;
    const id = idOfType(entry.existingChildId, "Child", field);
    if ([...found.values()].some((child) => child.id === id))
      throw new DomainError("DUPLICATE_CHILD", "This child is already in the list.", field);
    found.set(index, await findAccessible(tx, context.ability, "child", id, "read", "The child", field));
  }
  return found;
}

/**
 * Siblings share one household: an existing child's, or else a new one named after the family.
 * A single child on their own gets no household unless one is named.
 */
async function householdFor(tx: Transaction, authorityId: string, entries: CaseChildEntry[], existing: Child[]) {
  const known = existing.find((child) => child.householdId)?.householdId;
  if (known) return known;
  const named = entries.find((entry) => entry.householdName)?.householdName;
  if (!named && entries.length < 2) return null;
  const familyName = entries.find((entry) => entry.familyName)?.familyName ?? existing[0]?.familyName;
  const household = await tx.household.create({ data: { authorityId, name: named ?? `The ${familyName} family` } });
  return household.id;
}

/** Opens a case for one to six children, led by the viewer. Runs inside the mutation's transaction. */
export async function openCase(
  tx: Transaction,
  context: GraphQLContext,
  viewer: Viewer,
  input: OpenCaseRequest,
): Promise<Case> {
  const areaId = idOfType(input.areaId, "Area", "input.areaId");
  const area = await findAccessible(tx, context.ability, "area", areaId, "read", "The area", "input.areaId");
  if (!context.ability.can("create", subject("Case", { authorityId: area.authorityId, areaId: area.id } as Case)))
    throw new DomainError(
      "NOT_AUTHORISED",
      `You cannot open cases in ${area.name}: you are not a lead professional there.`,
      "input.areaId",
    );

  const existing = await existingChildren(tx, context, input.children);
  const householdId = await householdFor(tx, area.authorityId, input.children, [...existing.values()]);
  const childIds: string[] = [];
  for (const [index, entry] of input.children.entries()) {
    const known = existing.get(index);
    if (known) {
      if (householdId && !known.householdId) await tx.child.update({ where: { id: known.id }, data: { householdId } });
      childIds.push(known.id);
      continue;
    }
    const child = await tx.child.create({
      data: {
        authorityId: area.authorityId,
        householdId,
        givenName: entry.givenName!.trim(),
        familyName: entry.familyName!.trim(),
        dateOfBirth: entry.dateOfBirth!,
        lookedAfter: entry.lookedAfter ?? false,
        disabled: entry.disabled ?? false,
        eligibleForDirectPayments: entry.eligibleForDirectPayments ?? false,
      },
    });
    childIds.push(child.id);
  }

  const authority = await tx.authority.findUniqueOrThrow({ where: { id: area.authorityId }, select: { code: true } });
  const created = await tx.case.create({
    data: {
      authorityId: area.authorityId,
      areaId: area.id,
      leadProfessionalId: viewer.id,
      reference: await nextCaseReference(tx, area.authorityId, authority.code),
      plan: input.plan?.trim() ?? "",
    },
  });
  await tx.caseChild.createMany({
    data: childIds.map((childId) => ({ authorityId: area.authorityId, caseId: created.id, childId })),
  });
  const count = childIds.length === 1 ? "one child" : `${childIds.length} children`;
  await recordAudit(tx, viewer, {
    action: "case.open",
    entityType: "Case",
    entityId: created.id,
    caseId: created.id,
    summary: `Opened case ${created.reference} in ${area.name} for ${count}`,
    after: { reference: created.reference, areaId: area.id, childIds, householdId },
  });
  return created;
}
