import { subject } from "@casl/ability";
import { Role } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";

export const RoleEnum = builder.enumType(Role, {
  name: "Role",
  description: "What a member of staff does. Schemes give approvers their own titles (co-ordinator, IPC…).",
});

builder.prismaNode("RoleAssignment", {
  id: { field: "id" },
  // A row the viewer may not see loads as null, exactly like a row that does not exist.
  nullable: true,
  description: "A role held in an authority, optionally limited to one area.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("RoleAssignment")] }),
  authScopes: (assignment, context) => context.ability.can("read", subject("RoleAssignment", assignment)),
  fields: (t) => ({
    role: t.expose("role", { type: RoleEnum }),
    authority: t.relation("authority"),
    area: t.relation("area", { nullable: true, description: "null when the role covers the whole authority." }),
  }),
});

builder.prismaNode("StaffUser", {
  id: { field: "id" },
  // A row the viewer may not see loads as null, exactly like a row that does not exist.
  nullable: true,
  description: "A member of staff who signs in to Pathfinder.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("StaffUser")] }),
  authScopes: (user, context) => context.ability.can("read", subject("StaffUser", user)),
  fields: (t) => ({
    name: t.exposeString("name"),
    email: t.exposeString("email"),
    jobTitle: t.exposeString("jobTitle", { nullable: true }),
    authority: t.relation("authority"),
    roles: t.relation("roleAssignments", {
      query: (_args, context) => ({
        where: accessibleBy(context.ability).ofType("RoleAssignment"),
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      }),
    }),
  }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: "StaffUser",
    nullable: true,
    description: "The signed-in member of staff, or null when nobody is signed in.",
    resolve: (query, _root, _args, context) =>
      context.viewer ? context.db.staffUser.findUnique({ ...query, where: { id: context.viewer.id } }) : null,
  }),
);

builder.queryField("staffUsers", (t) =>
  t.prismaConnection({
    type: "StaffUser",
    cursor: "id",
    description: "Staff of your authority.",
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, context) =>
      context.db.staffUser.findMany({
        ...query,
        where: accessibleBy(context.ability).ofType("StaffUser"),
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
