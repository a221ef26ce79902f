import type { Transaction } from "../db/transaction.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { EcmOutcome, PurchaseCategory } from "../generated/prisma/enums.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { idOfType } from "../graphql/global-id.ts";
import type { AppAbility } from "../permissions/casl-prisma.ts";
import { totalOf } from "./purchase-input.ts";

export interface DraftItem {
  category: PurchaseCategory;
  description: string;
  supplierId?: { typename: string; id: string } | null;
  unitCost: number;
  quantity?: number | null;
}

export interface DraftDetails {
  items?: DraftItem[] | null;
  intendedOutcomes?: string | null;
  ecmOutcomes?: EcmOutcome[] | null;
  otherFundingExplanation?: string | null;
  matchedFunding?: number | null;
}

/** The scalar columns a draft's details set (only those given). */
export function detailColumns(details: DraftDetails): Prisma.PurchaseRequestUncheckedUpdateInput {
  return {
    ...(details.intendedOutcomes != null ? { intendedOutcomes: details.intendedOutcomes.trim() } : {}),
    ...(details.ecmOutcomes != null ? { ecmOutcomes: [...new Set(details.ecmOutcomes)] } : {}),
    ...(details.otherFundingExplanation != null
      ? { otherFundingExplanation: details.otherFundingExplanation.trim() }
      : {}),
    ...(details.matchedFunding != null ? { matchedFunding: details.matchedFunding } : {}),
  };
}

/** Replaces a draft's items, checking each supplier is one the viewer can see; returns the new total. */
export async function replaceItems(
  tx: Transaction,
  ability: AppAbility,
  request: { id: string; authorityId: string },
  items: DraftItem[],
): Promise<number> {
  const rows = [];
  for (const [position, item] of items.entries()) {
    const field = `input.items.${position}.supplierId`;
    const supplierId = item.supplierId ? idOfType(item.supplierId, "Supplier", field) : null;
    if (supplierId) await findAccessible(tx, ability, "supplier", supplierId, "read", "The supplier", field);
    rows.push({
      authorityId: request.authorityId,
      purchaseRequestId: request.id,
      position,
      category: item.category,
      description: item.description.trim(),
      supplierId,
      unitCost: item.unitCost,
      quantity: item.quantity ?? 1,
    });
  }
  await tx.purchaseItem.deleteMany({ where: { purchaseRequestId: request.id } });
  await tx.purchaseItem.createMany({ data: rows });
  const total = totalOf(rows);
  await tx.purchaseRequest.update({ where: { id: request.id }, data: { total } });
  return total;
}
