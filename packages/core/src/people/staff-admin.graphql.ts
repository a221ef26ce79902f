import { z } from "zod";
import { newPasswordSchema } from "../auth/password-policy.ts";
import { builder } from "../graphql/builder.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { idOfType } from "../graphql/global-id.ts";
import { addStaffMember, grantRole, type RoleGrant, revokeRole, setStaffActive } from "./staff-admin.ts";
import { RoleEnum } from "./staff-user.graphql.ts";

const RoleGrantInput = builder.inputType("RoleGrantInput", {
  description: "A role to hold, in the whole authority or in one area.",
  fields: (t) => ({
    role: t.field({ description: "The role.", type: RoleEnum }),
    areaId: t.globalID({
      required: false,
      description: "Limit the role to this area; leave out for the whole authority.",
    }),
  }),
});

const AddStaffMemberInput = builder.inputType("AddStaffMemberInput", {
  description: "A new member of staff: who they are, how they sign in and the roles they start with.",
  fields: (t) => ({
    name: t.string({ description: "Their full name." }),
    email: t.string({ description: "The work e-mail address they will sign in with." }),
    jobTitle: t.string({ required: false, description: 'Their job title, e.g. "Family support worker".' }),
    roles: t.field({ description: "The roles they start with; more can be granted later.", type: [RoleGrantInput] }),
    initialPassword: t.string({
      required: false,
      description:
        "A first password to give them in person; leave out when they sign in through your single sign-on. They should change it at once.",
    }),
  }),
  // One schema for the whole input, so every problem comes back at once, each against its field
  // (the password rules also need the address: a password may not contain it).
  validate: z
    .looseObject({
      name: z.string().trim().min(1, "Enter their full name").max(200, "Shorten the name to 200 characters or fewer"),
      email: z
        .string()
        .trim()
        .min(1, "Enter their work e-mail address")
        .pipe(z.email("Enter an e-mail address like name@council.gov.uk")),
      jobTitle: z.string().trim().max(200, "Shorten the job title to 200 characters or fewer").nullish(),
      roles: z.array(z.unknown()).min(1, "Choose at least one role"),
      initialPassword: z.string().nullish(),
    })
    .superRefine((input, issues) => {
      if (!input.initialPassword) return;
      const result = newPasswordSchema(String(input.email).trim()).safeParse(input.initialPassword);
      for (const issue of result.error?.issues ?? [])
        issues.addIssue({ code: "custom", message: issue.message, path: ["initialPassword"] });
    }),
});

const GrantRoleInput = builder.inputType("GrantRoleInput", {
  description: "A role to give a member of staff.",
  fields: (t) => ({
    staffUserId: t.globalID({ description: "The member of staff." }),
    role: t.field({ description: "The role.", type: RoleEnum }),
    areaId: t.globalID({
      required: false,
      description: "Limit the role to this area; leave out for the whole authority.",
    }),
  }),
});

const grantOf = (
  input: { role: RoleGrant["role"]; areaId?: { typename: string; id: string } | null },
  field: string,
) => ({
  role: input.role,
  areaId: input.areaId ? idOfType(input.areaId, "Area", field) : null,
});

const ADMINS_ONLY = "Authority administrators only, in their own authority; audited.";

builder.mutationField("addStaffMember", (t) =>
  t.prismaField({
    type: "StaffUser",
    description: `Adds a member of staff with their first roles. ${ADMINS_ONLY}`,
    errors: { types: [...standardErrors], dataField: { description: "The new member of staff." } },
    args: { input: t.arg({ description: "The member of staff.", type: AddStaffMemberInput }) },
    resolve: async (query, _root, { input }, context) => {
      const user = await addStaffMember(context, {
        name: input.name.trim(),
        email: input.email,
        jobTitle: input.jobTitle?.trim() || null,
        roles: input.roles.map((grant, index) => grantOf(grant, `input.roles.${index}.areaId`)),
        initialPassword: input.initialPassword || null,
      });
      return context.db.staffUser.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
);

builder.mutationField("grantRole", (t) =>
  t.prismaField({
    type: "StaffUser",
    description: `Gives a member of staff a role, in the whole authority or one area. ${ADMINS_ONLY}`,
    errors: { types: [...standardErrors], dataField: { description: "The member of staff with their roles now." } },
    args: { input: t.arg({ description: "Who, which role and where.", type: GrantRoleInput }) },
    resolve: async (query, _root, { input }, context) => {
      const staffUserId = idOfType(input.staffUserId, "StaffUser", "input.staffUserId");
      const id = await grantRole(context, staffUserId, grantOf(input, "input.areaId"));
      return context.db.staffUser.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField("revokeRole", (t) =>
  t.prismaField({
    type: "StaffUser",
    description: `Takes a role away. The authority's last active administrator keeps theirs. ${ADMINS_ONLY}`,
    errors: { types: [...standardErrors], dataField: { description: "The member of staff with their roles now." } },
    args: { roleAssignmentId: t.arg.globalID({ description: "The role held (a RoleAssignment's id)." }) },
    resolve: async (query, _root, args, context) => {
      const id = await revokeRole(context, idOfType(args.roleAssignmentId, "RoleAssignment", "roleAssignmentId"));
      return context.db.staffUser.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField("deactivateStaffMember", (t) =>
  t.prismaField({
    type: "StaffUser",
    description:
      "Closes a member of staff's account: they cannot sign in, and their sessions end at once. Their records stay. " +
      `Not your own account, nor the last active administrator's. ${ADMINS_ONLY}`,
    errors: { types: [...standardErrors], dataField: { description: "The member of staff, now inactive." } },
    args: { staffUserId: t.arg.globalID({ description: "The member of staff." }) },
    resolve: async (query, _root, args, context) => {
      const id = await setStaffActive(context, idOfType(args.staffUserId, "StaffUser", "staffUserId"), false);
      return context.db.staffUser.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField("reactivateStaffMember", (t) =>
  t.prismaField({
    type: "StaffUser",
    description: `Reopens a closed account, with the roles it had. ${ADMINS_ONLY}`,
    errors: { types: [...standardErrors], dataField: { description: "The member of staff, active again." } },
    args: { staffUserId: t.arg.globalID({ description: "The member of staff." }) },
    resolve: async (query, _root, args, context) => {
      const id = await setStaffActive(context, idOfType(args.staffUserId, "StaffUser", "staffUserId"), true);
      return context.db.staffUser.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
