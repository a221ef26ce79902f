// Part two of the application and monitoring form: "for completion by locality co-ordinator".
import type { Database } from "@pathfinder/core";
import { dayInLondon, formatDay } from "./calendar.ts";
import { DorsetError } from "./errors.ts";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];
type Viewer = { id: string; authorityId: string; roles: readonly Role[]; cover: readonly { roles: readonly Role[] }[] };
type Role = { role: string; areaId: string | null };

export interface AgreementInput {
  serviceAgreed: string;
  serviceAgreedOn: Date;
  reviewProcess: string;
  /** When part three falls due; left out, the date set on approval (in proportion to the amount). */
  reviewDueOn?: Date | null;
  notes?: string | null;
}

/** Once the grant is agreed, and until the outcome is reviewed. */
const AGREED = ["APPROVED", "FULFILLED", "RECONCILED"];

/**
 * Records (or corrects) part two. Only a co-ordinator who could decide the request's approval
 * step may: its locality's co-ordinator, or any co-ordinator where the locality had none.
 * The review date they set becomes the request's review date, so overdue reviews follow it.
 */
export async function recordAgreement(tx: Transaction, viewer: Viewer, requestId: string, input: AgreementInput) {
  await tx.$queryRaw`SELECT 1 FROM purchase_request WHERE id = ${requestId}::uuid FOR NO KEY UPDATE`;
  const request = await tx.purchaseRequest.findFirst({
    where: { id: requestId, authorityId: viewer.authorityId, budget: { is: { scheme: "dorset" } } },
    include: { steps: { orderBy: [{ round: "desc" }, { position: "desc" }], take: 1 } },
  });
  if (!request)
    throw new DorsetError("NOT_FOUND", "The request was not found, or it is not on Dorset's scheme.", "requestId");
  const step = request.steps[0];
  const roles = [...viewer.roles, ...viewer.cover.flatMap((colleague) => colleague.roles)];
  // A step with no area was put to every co-ordinator in the authority (a locality without one).
  const decides =
    step &&
    roles.some((r) => r.role === step.role && (step.areaId === null || r.areaId === null || r.areaId === step.areaId));
  if (!decides)
    throw new DorsetError(
      "NOT_AUTHORISED",
      "Only the locality co-ordinator who decides this request completes part two of its form.",
    );
  if (!AGREED.includes(request.status))
    throw new DorsetError(
      "NOT_AGREED",
      "Part two is completed once the grant is agreed, and before the outcome is reviewed.",
      "requestId",
    );

  const today = dayInLondon(new Date());
  const agreedOn = input.serviceAgreedOn.toISOString().slice(0, 10);
  if (agreedOn > today)
    throw new DorsetError(
      "DATE_IN_FUTURE",
      "The service cannot be agreed on a date still to come.",
      "input.serviceAgreedOn",
    );
  const reviewDueOn = input.reviewDueOn ?? request.reviewDueOn;
  if (!reviewDueOn) throw new DorsetError("REVIEW_DATE_NEEDED", "Set the date part three is due.", "input.reviewDueOn");
  const due = reviewDueOn.toISOString().slice(0, 10);
  if (due < today || due < agreedOn)
    throw new DorsetError(
      "REVIEW_DATE_PASSED",
      `Part three cannot be due before today or before the service was agreed (${formatDay(agreedOn)}).`,
      "input.reviewDueOn",
    );

  const fields = {
    serviceAgreed: input.serviceAgreed.trim(),
    serviceAgreedOn: input.serviceAgreedOn,
    reviewProcess: input.reviewProcess.trim(),
    reviewDueOn,
    notes: input.notes?.trim() ?? "",
    recordedById: viewer.id,
    recordedAt: new Date(),
  };
  const key = { authorityId_purchaseRequestId: { authorityId: request.authorityId, purchaseRequestId: request.id } };
  const before = await tx.dorsetAgreement.findUnique({ where: key });
  await tx.dorsetAgreement.upsert({
    where: key,
    create: { authorityId: request.authorityId, purchaseRequestId: request.id, ...fields },
    update: fields,
  });
  await tx.purchaseRequest.update({ where: { id: request.id }, data: { reviewDueOn } });
  // Written here rather than through core's audit helper, which is not part of the plugin surface.
  await tx.auditEvent.create({
    data: {
      authorityId: request.authorityId,
      actorId: viewer.id,
      action: before ? "dorset.agreement.correct" : "dorset.agreement.record",
      entityType: "PurchaseRequest",
      entityId: request.id,
      caseId: request.caseId,
      summary: `Completed part two of ${request.reference}'s form: ${fields.serviceAgreed}; part three due ${formatDay(due)}`,
      before: before ? JSON.parse(JSON.stringify(before)) : undefined,
      after: JSON.parse(JSON.stringify(fields)),
    },
  });
}
