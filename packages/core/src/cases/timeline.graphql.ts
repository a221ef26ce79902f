import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { CaseRef } from "./case.graphql.ts";

// A case's timeline is its audit events. A variant, so the audit log can have its own fuller
// GraphQL type (before/after, for administrators) without clashing with this one.
export const TimelineEventRef = builder.prismaObject("AuditEvent", {
  variant: "TimelineEvent",
  description: "Something that happened on a case: who did what, and when.",
  fields: (t) => ({
    at: t.expose("at", { description: "When it happened.", type: "DateTime" }),
    action: t.exposeString("action", {
      description: 'What happened, as `entity.verb`: "case.open", "assessment.record".',
    }),
    summary: t.exposeString("summary", { description: 'What happened, for people: "Opened case KIN-2026-0007".' }),
    actor: t.prismaField({
      description: "Who did it; null for the platform's own jobs or staff you may not see.",
      type: "StaffUser",
      // System events have no actor; staff of another authority are never shown.
      nullable: true,
      resolve: (query, event, _args, context) =>
        event.actorId
          ? context.db.staffUser.findFirst({
              ...query,
              where: { AND: [accessibleBy(context.ability).ofType("StaffUser"), { id: event.actorId }] },
            })
          : null,
    }),
  }),
});

builder.prismaObjectField(CaseRef, "timeline", (t) =>
  t.prismaConnection({
    type: TimelineEventRef,
    cursor: "id",
    description:
      "What has happened on the case, newest first. Whoever may read the case may read its timeline; " +
      "views of the record (`case.read`, `child.read`) are in the audit log but not here.",
    // Gated by the case itself (it loaded, so the viewer may read it) rather than by the audit
    // log's own rule, which is for administrators reading the whole log.
    resolve: (query, row, _args, context) =>
      context.db.auditEvent.findMany({
        ...query,
        where: { authorityId: row.authorityId, caseId: row.id, NOT: { action: { endsWith: ".read" } } },
        orderBy: [{ sequence: "desc" }],
      }),
  }),
);
