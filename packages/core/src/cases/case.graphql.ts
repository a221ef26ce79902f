import { subject } from "@casl/ability";
import type { Case as CaseRow } from "../generated/prisma/client.ts";
import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { CaseStatusEnum } from "./case-enums.graphql.ts";
import { AssessmentRef } from "./case-records.graphql.ts";
import { ChildRef } from "./child.graphql.ts";

export const CaseRef = builder.prismaNode("Case", {
  // Select mode: a query loads only the columns its fields ask for, plus those the Case rules
  // below are checked against (permissions/ability.ts) and the short ones every list shows, whose
  // fields then read the row without select mode's per-row lookup (bench/README.md, "Selected
  // columns"). None of them is personal data.
  select: {
    id: true,
    authorityId: true,
    areaId: true,
    leadProfessionalId: true,
    reference: true,
    status: true,
    openedAt: true,
  },
  id: { field: "id" },
  // A row the viewer may not see loads as null, exactly like a row that does not exist.
  nullable: true,
  description: "A child (or siblings) with additional needs, their lead professional and multi-agency plan.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("Case")] }),
  // Case rules only name the case's own columns, so they can be checked on a loaded row too:
  // a case reached through another record (a purchase request) is still only shown to its readers.
  // The row carries only the columns those rules name (`select` above), hence the cast.
  authScopes: (row, context) => context.ability.can("read", subject("Case", row as unknown as CaseRow)),
  fields: (t) => ({
    reference: t.string({
      description: 'Unique in the authority, e.g. "KIN-2026-0007".',
      resolve: (row) => row.reference,
    }),
    status: t.field({ description: "OPEN or CLOSED.", type: CaseStatusEnum, resolve: (row) => row.status }),
    area: t.relation("area", {
      description: "The area (locality, wedge…) the case belongs to; it decides its approvers and budget.",
    }),
    leadProfessional: t.relation("leadProfessional", {
      nullable: true,
      description: "The budget-holding lead professional; null only if they were removed.",
    }),
    children: t.field({
      type: [ChildRef],
      description: "The children the case is for, youngest last.",
      select: (_args, context, nestedSelection) => ({
        children: {
          where: { child: accessibleBy(context.ability).ofType("Child") },
          orderBy: [{ child: { dateOfBirth: "asc" } }, { childId: "asc" }],
          select: { child: nestedSelection(true) },
        },
      }),
      resolve: (row) => row.children.map((link) => link.child),
    }),
    plan: t.exposeString("plan", { description: "The multi-agency plan agreed by the Team Around the Child." }),
    openedAt: t.field({ description: "When the case was opened.", type: "DateTime", resolve: (row) => row.openedAt }),
    closedAt: t.expose("closedAt", {
      description: "When the case was closed; null while open.",
      type: "DateTime",
      nullable: true,
    }),
    closureReason: t.exposeString("closureReason", {
      description: "Why the case was closed; null while open.",
      nullable: true,
    }),
    assessments: t.relatedConnection("assessments", {
      cursor: "id",
      description: "Assessments, most recently completed first.",
      query: (_args, context) => ({
        where: accessibleBy(context.ability).ofType("Assessment"),
        orderBy: [{ completedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      }),
    }),
    latestAssessment: t.field({
      type: AssessmentRef,
      nullable: true,
      description: "The most recently completed assessment: the one purchases are judged against.",
      select: (_args, context, nestedSelection) => ({
        assessments: nestedSelection({
          where: accessibleBy(context.ability).ofType("Assessment"),
          orderBy: [{ completedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
          take: 1,
        }),
      }),
      resolve: (row) => row.assessments[0] ?? null,
    }),
    meetings: t.relatedConnection("meetings", {
      cursor: "id",
      description: "Team Around the Child meetings, most recent first.",
      query: (_args, context) => ({
        where: accessibleBy(context.ability).ofType("TeamMeeting"),
        orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      }),
    }),
    unmetNeeds: t.relatedConnection("unmetNeeds", {
      cursor: "id",
      description: "Needs the fund could not meet, newest first.",
      query: (_args, context) => ({
        where: accessibleBy(context.ability).ofType("UnmetNeed"),
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      }),
    }),
  }),
});
