import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "../graphql/builder.ts";
import { rowIdOf } from "../graphql/global-id.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { auditRead } from "./audit-read.ts";
import { CaseRef } from "./case.graphql.ts";
import { CaseStatusEnum } from "./case-enums.graphql.ts";
import { ChildRef } from "./child.graphql.ts";

// A filter id of the wrong type or another authority matches nothing, rather than erroring.
const NOTHING: Prisma.CaseWhereInput = { id: { in: [] } };

builder.queryField("cases", (t) =>
  t.prismaConnection({
    type: CaseRef,
    cursor: "id",
    description: "The cases you may see, most recently opened first.",
    authScopes: { signedIn: true },
    args: {
      status: t.arg({ description: "Only cases with this status.", type: CaseStatusEnum, required: false }),
      areaId: t.arg.globalID({ description: "Only cases in this area.", required: false }),
      leadProfessionalId: t.arg.globalID({
        description: "Only cases held by this lead professional (a StaffUser id).",
        required: false,
      }),
      search: t.arg.string({ required: false, description: "Part of a child's given or family name, any case." }),
    },
    resolve: (query, _root, args, context) => {
      const filters: Prisma.CaseWhereInput[] = [accessibleBy(context.ability).ofType("Case")];
      if (args.status) filters.push({ status: args.status });
      if (args.areaId) {
        const areaId = rowIdOf(args.areaId, "Area");
        filters.push(areaId ? { areaId } : NOTHING);
      }
      if (args.leadProfessionalId) {
        const staffId = rowIdOf(args.leadProfessionalId, "StaffUser");
        filters.push(staffId ? { leadProfessionalId: staffId } : NOTHING);
      }
      const search = args.search?.trim();
      if (search) {
        const matches = { contains: search, mode: "insensitive" } as const;
        // Only children the viewer may read are searched, so a name cannot be probed through cases.
        const child = {
          AND: [
            accessibleBy(context.ability).ofType("Child"),
            { OR: [{ givenName: matches }, { familyName: matches }] },
          ],
        };
        filters.push({ children: { some: { child } } });
      }
      return context.db.case.findMany({
        ...query,
        where: { AND: filters },
        orderBy: [{ openedAt: "desc" }, { id: "asc" }],
      });
    },
  }),
);

builder.queryField("case", (t) =>
  t.prismaField({
    type: CaseRef,
    nullable: true,
    description: "One case, or null if it does not exist or you may not see it. Opening a case is logged.",
    args: { id: t.arg.globalID({ description: "The case's global id." }) },
    resolve: async (query, _root, args, context) => {
      const id = rowIdOf(args.id, "Case");
      if (!id) return null;
      const row = await context.db.case.findFirst({
        ...query,
        where: { AND: [accessibleBy(context.ability).ofType("Case"), { id }] },
      });
      if (!row) return null;
      await auditRead(context, {
        action: "case.read",
        entityType: "Case",
        entityId: id,
        caseId: id,
        summary: `Viewed case ${row.reference}`,
      });
      return row;
    },
  }),
);

builder.queryField("child", (t) =>
  t.prismaField({
    type: ChildRef,
    nullable: true,
    description: "One child's record, or null if it does not exist or you may not see it. Opening it is logged.",
    args: { id: t.arg.globalID({ description: "The child's global id." }) },
    resolve: async (query, _root, args, context) => {
      const id = rowIdOf(args.id, "Child");
      if (!id) return null;
      const row = await context.db.child.findFirst({
        ...query,
        where: { AND: [accessibleBy(context.ability).ofType("Child"), { id }] },
      });
      if (!row) return null;
      // No name in the summary: the audit log is append-only, so it must not become a second copy of the child's record.
      await auditRead(context, {
        action: "child.read",
        entityType: "Child",
        entityId: id,
        caseId: null,
        summary: "Viewed a child's record",
      });
      return row;
    },
  }),
);
