import type { DbClient } from "../db/transaction.ts";
import { isUuid } from "../domain/uuid.ts";
import { type Action, type AppAbility, accessibleBy } from "../permissions/casl-prisma.ts";
import { NotFoundError } from "./domain-errors.ts";

type Delegates = {
  case: DbClient["case"];
  child: DbClient["child"];
  budget: DbClient["budget"];
  purchaseRequest: DbClient["purchaseRequest"];
  supplier: DbClient["supplier"];
  attachment: DbClient["attachment"];
  staffUser: DbClient["staffUser"];
  area: DbClient["area"];
  roleAssignment: DbClient["roleAssignment"];
};

const modelNames = {
  case: "Case",
  child: "Child",
  budget: "Budget",
  purchaseRequest: "PurchaseRequest",
  supplier: "Supplier",
  attachment: "Attachment",
  staffUser: "StaffUser",
  area: "Area",
  roleAssignment: "RoleAssignment",
} as const;

/**
 * Loads one row the viewer may act on, with the permission check in the same SQL query.
 * A row that does not exist and a row the viewer may not touch give the same NOT_FOUND,
 * so ids from other authorities reveal nothing.
 */
export async function findAccessible<K extends keyof Delegates>(
  db: DbClient,
  ability: AppAbility,
  model: K,
  id: string,
  action: Action,
  what: string,
  field: string | null = null,
) {
  if (!isUuid(id)) throw new NotFoundError(what, field);
  const delegate = db[model] as unknown as { findFirst(args: unknown): Promise<unknown> };
  const row = await delegate.findFirst({
    where: { AND: [accessibleBy(ability, action).ofType(modelNames[model]), { id }] },
  });
  if (!row) throw new NotFoundError(what, field);
  return row as NonNullable<Awaited<ReturnType<Delegates[K]["findFirst"]>>>;
}
