import { subject } from "@casl/ability";
import { Role } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";

export const RoleEnum = builder.enumType(Role, {
  name: "Role",
  values: {
    PLATFORM_ADMIN: { description: "Runs the platform across authorities; sees no child's record." },
    AUTHORITY_ADMIN: { description: "Administers an authority: staff, roles, schemes and their settings." },
    BUDGET_MANAGER: { description: "Creates budgets and allocates money to them." },
    LEAD_PROFESSIONAL: {
      description: "The budget-holding lead professional: holds cases and raises purchase requests.",
    },
    APPROVER: { description: "Decides purchase requests at a step of the approval chain (the scheme names the step)." },
    FINANCE_OFFICER: {
      description: "Fulfils approved requests (orders, cash) and reconciles receipts; sees amounts, not children.",
    },
    OVERSEER: {
      description: "Monitors the scheme: reads budgets and requests across the authority, without children's details.",
    },
  },
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
    role: t.expose("role", { description: "The role held.", type: RoleEnum }),
    authority: t.relation("authority", { description: "The authority the role is held in." }),
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
    name: t.exposeString("name", { description: "Their full name." }),
    email: t.exposeString("email", { description: "The e-mail address they sign in with." }),
    jobTitle: t.exposeString("jobTitle", {
      description: 'Their job title, e.g. "Family support worker", if given.',
      nullable: true,
    }),
    authority: t.relation("authority", { description: "The authority they work for." }),
    active: t.exposeBoolean("active", {
      description: "false when an administrator has closed their account: they cannot sign in.",
    }),
    roles: t.relation("roleAssignments", {
      description: "The roles they hold, each in the whole authority or in one area.",
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
