import { recordAudit } from "../audit/audit-log.ts";
import { builder } from "../graphql/builder.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { idOfType } from "../graphql/global-id.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { CaseRef } from "./case.graphql.ts";
import { loadCase, requireOpen } from "./case-access.ts";
import { text } from "./case-validation.ts";

// Who holds a case, and when it ends. Allowed to the lead professional, their area's
// co-ordinator (APPROVER) and the authority's administrators: see `handOver`/`close` in ability.ts.

interface HandOver {
  caseId: string;
  reference: string;
  toId: string;
}

// Its own result type, because the case itself may be gone from the viewer's sight afterwards.
const CaseHandOver = builder.objectRef<HandOver>("CaseHandOver").implement({
  description: "A case handed over to a new lead professional.",
  fields: (t) => ({
    reference: t.exposeString("reference", {
      description: "The case's reference, which you can still see after handing it over.",
    }),
    case: t.prismaField({
      type: CaseRef,
      nullable: true,
      description:
        "The case, or null if you can no longer see it: a lead professional who hands a case over loses access.",
      resolve: (query, handOver, _args, context) =>
        context.db.case.findFirst({
          ...query,
          where: { AND: [accessibleBy(context.ability).ofType("Case"), { id: handOver.caseId }] },
        }),
    }),
    leadProfessional: t.prismaField({
      type: "StaffUser",
      description: "The new lead professional.",
      resolve: (query, handOver, _args, context) =>
        context.db.staffUser.findUniqueOrThrow({ ...query, where: { id: handOver.toId } }),
    }),
  }),
});

builder.mutationField("handOverCase", (t) =>
  t.field({
    type: CaseHandOver,
    description: "Makes another lead professional of the authority the case's lead professional.",
    errors: { types: [...standardErrors], dataField: { description: "The hand-over." } },
    args: {
      caseId: t.arg.globalID({ description: "The case to hand over." }),
      toStaffUserId: t.arg.globalID({ description: "The new lead professional (a StaffUser id)." }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.$transaction(async (tx) => {
        const theCase = await loadCase(tx, context, args.caseId, "handOver", "caseId");
        requireOpen(theCase, "caseId");
        const toId = idOfType(args.toStaffUserId, "StaffUser", "toStaffUserId");
        const to = await findAccessible(
          tx,
          context.ability,
          "staffUser",
          toId,
          "read",
          "The member of staff",
          "toStaffUserId",
        );
        if (to.id === theCase.leadProfessionalId)
          throw new DomainError("ALREADY_LEAD_PROFESSIONAL", `${to.name} already leads this case.`, "toStaffUserId");
        const leads = await tx.roleAssignment.count({
          where: { authorityId: theCase.authorityId, staffUserId: to.id, role: "LEAD_PROFESSIONAL" },
        });
        if (!to.active || leads === 0)
          throw new DomainError(
            "NOT_A_LEAD_PROFESSIONAL",
            `${to.name} is not an active lead professional in this authority, so cannot hold a case.`,
            "toStaffUserId",
          );
        await tx.case.update({ where: { id: theCase.id }, data: { leadProfessionalId: to.id } });
        await recordAudit(tx, viewer, {
          action: "case.hand-over",
          entityType: "Case",
          entityId: theCase.id,
          caseId: theCase.id,
          summary: `Handed case ${theCase.reference} over to ${to.name}`,
          before: { leadProfessionalId: theCase.leadProfessionalId },
          after: { leadProfessionalId: to.id },
        });
        return { caseId: theCase.id, reference: theCase.reference, toId: to.id };
      });
    },
  }),
);

builder.mutationField("closeCase", (t) =>
  t.prismaField({
    type: CaseRef,
    description: "Closes an open case. Nothing more can be recorded or bought for it afterwards.",
    errors: { types: [...standardErrors], dataField: { description: "The closed case." } },
    args: {
      caseId: t.arg.globalID({ description: "The case to close." }),
      reason: t.arg.string({
        description: "Why the case is closing.",
        validate: text("Say why the case is closing, e.g. the plan's outcomes were met."),
      }),
    },
    resolve: async (query, _root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.$transaction(async (tx) => {
        const theCase = await loadCase(tx, context, args.caseId, "close", "caseId");
        if (theCase.status === "CLOSED")
          throw new DomainError("CASE_ALREADY_CLOSED", `Case ${theCase.reference} is already closed.`, "caseId");
        const reason = args.reason.trim();
        // Only an open case is closed, even if two people close it at the same moment.
        const closed = await tx.case.updateMany({
          where: { id: theCase.id, status: "OPEN" },
          data: { status: "CLOSED", closedAt: new Date(), closureReason: reason },
        });
        if (closed.count === 0)
          throw new DomainError("CASE_ALREADY_CLOSED", `Case ${theCase.reference} is already closed.`, "caseId");
        await recordAudit(tx, viewer, {
          action: "case.close",
          entityType: "Case",
          entityId: theCase.id,
          caseId: theCase.id,
          summary: `Closed case ${theCase.reference}: ${reason}`,
        });
        return tx.case.findUniqueOrThrow({ ...query, where: { id: theCase.id } });
      });
    },
  }),
);
