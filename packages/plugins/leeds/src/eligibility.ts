import type { RequestUnderReview, RuleViolation } from "@pathfinder/core";
import type { LeedsRequestExtension, LeedsSettings } from "./settings.ts";

type Assessment = RequestUnderReview["case"]["assessments"][number] & { createdAt?: Date };

/** The assessment purchases are judged against: the most recently completed (then recorded) one. */
export function latestAssessment(assessments: readonly Assessment[]): Assessment | undefined {
  return [...assessments].sort(
    (a, b) =>
      b.completedOn.getTime() - a.completedOn.getTime() ||
      (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0),
  )[0];
}

/** "A maximum of four priority needs are highlighted and become the focus of service delivery." */
export function priorityNeedViolations(settings: LeedsSettings, review: RequestUnderReview): RuleViolation[] {
  const latest = latestAssessment(review.case.assessments);
  if (!latest || latest.priorityNeeds.length <= settings.maxPriorityNeeds) return [];
  const completed = latest.completedOn.toISOString().slice(0, 10);
  return [
    {
      code: "LEEDS_TOO_MANY_PRIORITY_NEEDS",
      field: "caseId",
      message: `The latest common assessment (completed ${completed}) highlights ${latest.priorityNeeds.length} priority needs; the Early Intervention Fund works to at most ${settings.maxPriorityNeeds}. Agree the ${settings.maxPriorityNeeds} that matter most with the family and record them in a new assessment.`,
    },
  ];
}

/**
 * Route A: the IPC orders "through the Council's supplier list", or from an organisation able
 * to invoice the Council. Any other supplier has to go by route B (cash).
 */
export async function routeAViolations(review: RequestUnderReview): Promise<RuleViolation[]> {
  if (review.request.route !== "SUPPLIER_ORDER") return [];
  const ids = [...new Set(review.request.items.flatMap((item) => (item.supplierId ? [item.supplierId] : [])))];
  const suppliers = await review.tx.supplier.findMany({
    where: { authorityId: review.request.authorityId, id: { in: ids } },
    select: { id: true, name: true, onSupplierList: true, invoicesCouncil: true },
  });
  const byId = new Map(suppliers.map((supplier) => [supplier.id, supplier]));
  return review.request.items.flatMap((item, index) => {
    const supplier = item.supplierId ? byId.get(item.supplierId) : undefined;
    // No supplier at all is core's SUPPLIER_NEEDED; only a named supplier is judged here.
    if (!supplier || supplier.onSupplierList || supplier.invoicesCouncil) return [];
    return [
      {
        code: "LEEDS_SUPPLIER_CANNOT_BE_ORDERED_FROM",
        field: `items.${index}.supplierId`,
        message: `${supplier.name} is not on the Council's supplier list and cannot invoice the Council, so the IPC cannot order from it (route A). Choose another supplier, or ask for cash to buy it yourself (route B).`,
      },
    ];
  });
}

/** Route B is for "a known, reputable, local supplier" or when route A would cause undue delay: say which. */
export function routeBViolations(review: RequestUnderReview): RuleViolation[] {
  if (review.request.route !== "CASH") return [];
  const leeds = (review.request.extensions.leeds ?? {}) as LeedsRequestExtension;
  if (leeds.cashReason?.trim()) return [];
  return [
    {
      code: "LEEDS_CASH_REASON_NEEDED",
      field: "extensions.leeds.cashReason",
      message:
        "Say why you need cash rather than an order through the IPC: a known, reputable local supplier, or route A would cause an unnecessary delay.",
    },
  ];
}

export async function leedsSubmissionViolations(settings: LeedsSettings, review: RequestUnderReview) {
  return [
    ...priorityNeedViolations(settings, review),
    ...(await routeAViolations(review)),
    ...routeBViolations(review),
  ];
}
