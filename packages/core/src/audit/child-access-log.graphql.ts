import { TimelineEventRef } from "../cases/timeline.graphql.ts";
import { builder } from "../graphql/builder.ts";
import { rowIdOf } from "../graphql/global-id.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { recordAudit } from "./audit-log.ts";

/** The audit actions that mean someone opened a child's record (cases/audit-read.ts). */
const viewsOfAChild = ["child.read", "case.read"];

builder.queryField("childAccessLog", (t) =>
  t.prismaField({
    type: [TimelineEventRef],
    description:
      "Who looked at this child's record, and when: every view of the child and of any case the child is on, " +
      "newest first (at most 500). For administrators, who read the audit log; asking is itself logged.",
    authScopes: (_root, _args, context) => context.ability.can("read", "AuditEvent"),
    args: { childId: t.arg.globalID({ description: "The child whose record views to list." }) },
    resolve: async (query, _root, args, context) => {
      const childId = rowIdOf(args.childId, "Child");
      if (!childId || !context.viewer) return [];
      const cases = await context.db.caseChild.findMany({ where: { childId }, select: { caseId: true } });
      const views = await context.db.auditEvent.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(context.ability).ofType("AuditEvent"),
            { action: { in: viewsOfAChild } },
            {
              OR: [{ entityType: "Child", entityId: childId }, { caseId: { in: cases.map((row) => row.caseId) } }],
            },
          ],
        },
        orderBy: [{ sequence: "desc" }],
        take: 500,
      });
      await recordAudit(context.db, context.viewer, {
        action: "audit.child-access-log",
        entityType: "Child",
        entityId: childId,
        summary: "Looked at who has viewed a child's record",
      });
      return views;
    },
  }),
);
