import type { SchemePlugin } from "@pathfinder/core";
import { LeedsError } from "./errors.ts";

type OnFulfilment = NonNullable<NonNullable<SchemePlugin["hooks"]>["onFulfilment"]>;

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Route B: "the Lead Professional, now a Budget Holding Lead Professional, will be required to
 * sign for cash", and it is they who bring back receipts and change, so nobody else signs.
 * Runs inside core's fulfilment transaction: refusing here issues no cash at all.
 */
export const leedsCashSignedByLeadProfessional: OnFulfilment = async ({ tx, requestId }) => {
  const request = await tx.purchaseRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { route: true, cashSignedForBy: true, case: { select: { leadProfessional: { select: { name: true } } } } },
  });
  const lead = request.case.leadProfessional?.name;
  if (request.route !== "CASH" || !lead || sameName(request.cashSignedForBy ?? "", lead)) return;
  throw new LeedsError(
    "LEEDS_CASH_NOT_SIGNED_BY_LEAD_PROFESSIONAL",
    `Route B cash is signed for by the case's lead professional, ${lead}, who brings back the receipts and any change.`,
    "cashSignedForBy",
  );
};
