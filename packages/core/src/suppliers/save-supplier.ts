import { subject } from "@casl/ability";
import { recordAudit } from "../audit/audit-log.ts";
import type { DbClient } from "../db/transaction.ts";
import { Prisma, type Supplier } from "../generated/prisma/client.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { NotAuthorisedError } from "../graphql/domain-errors.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { DuplicateSupplierError } from "./supplier-errors.ts";

export interface SupplierFields {
  name: string;
  onSupplierList: boolean;
  preferred: boolean;
  invoicesCouncil: boolean;
}

const snapshot = (supplier: Supplier): SupplierFields => ({
  name: supplier.name,
  onSupplierList: supplier.onSupplierList,
  preferred: supplier.preferred,
  invoicesCouncil: supplier.invoicesCouncil,
});

/**
 * Names are unique per authority ignoring case ("Vale Buses" and "vale buses" are one firm);
 * the database's unique index backs this up exactly, for two saves that race.
 */
async function refuseDuplicateName(db: DbClient, viewer: Viewer, name: string, exceptId?: string) {
  const clash = await db.supplier.findFirst({
    where: {
      authorityId: viewer.authorityId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { name: true },
  });
  if (clash) throw new DuplicateSupplierError(clash.name);
}

/** A save that lost a race for the name to another one reports the same error as the check. */
function asDuplicate(error: unknown, name: string): unknown {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"
    ? new DuplicateSupplierError(name)
    : error;
}

export async function createSupplier(context: GraphQLContext, fields: SupplierFields): Promise<Supplier> {
  const viewer = requireViewer(context);
  // Checked against the row about to be written; CASL wants a whole row, and the rules read only this field.
  const draft: Partial<Supplier> = { authorityId: viewer.authorityId };
  if (!context.ability.can("create", subject("Supplier", draft as Supplier))) {
    throw new NotAuthorisedError("Only finance officers and authority administrators can add suppliers.");
  }
  try {
    return await context.db.$transaction(async (tx) => {
      await refuseDuplicateName(tx, viewer, fields.name);
      const supplier = await tx.supplier.create({ data: { authorityId: viewer.authorityId, ...fields } });
      await recordAudit(tx, viewer, {
        action: "supplier.create",
        entityType: "Supplier",
        entityId: supplier.id,
        summary: `Added supplier ${supplier.name}`,
        after: snapshot(supplier),
      });
      return supplier;
    });
  } catch (error) {
    throw asDuplicate(error, fields.name);
  }
}

export async function updateSupplier(
  context: GraphQLContext,
  id: string,
  changes: Partial<SupplierFields>,
): Promise<Supplier> {
  const viewer = requireViewer(context);
  // Asked first without a row, so someone with no right to edit suppliers is told so,
  // rather than told the supplier does not exist.
  if (!context.ability.can("update", "Supplier")) {
    throw new NotAuthorisedError("Only finance officers and authority administrators can change suppliers.");
  }
  try {
    return await context.db.$transaction(async (tx) => {
      const before = await findAccessible(tx, context.ability, "supplier", id, "update", "The supplier", "id");
      if (changes.name !== undefined) await refuseDuplicateName(tx, viewer, changes.name, before.id);
      const supplier = await tx.supplier.update({ where: { id: before.id }, data: changes });
      await recordAudit(tx, viewer, {
        action: "supplier.update",
        entityType: "Supplier",
        entityId: supplier.id,
        summary: `Changed supplier ${supplier.name}`,
        before: snapshot(before),
        after: snapshot(supplier),
      });
      return supplier;
    });
  } catch (error) {
    throw asDuplicate(error, changes.name ?? "");
  }
}
