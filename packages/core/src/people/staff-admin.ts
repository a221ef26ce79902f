// An authority administrator's changes to staff: adding people, granting and revoking roles,
// closing and reopening accounts. Every change is checked by CASL (`manage` StaffUser and
// RoleAssignment in the administrator's own authority), keeps at least one active
// administrator, and leaves an audit entry in the same transaction.
import { subject } from "@casl/ability";
import { recordAudit } from "../audit/audit-log.ts";
import { hashPassword } from "../auth/password-hashing.ts";
import type { DbClient, Transaction } from "../db/transaction.ts";
import { Prisma, type Role, type StaffUser } from "../generated/prisma/client.ts";
import type { GraphQLContext } from "../graphql/context.ts";
import { DomainError, NotAuthorisedError } from "../graphql/domain-errors.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { inTransaction } from "../graphql/in-transaction.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import type { Viewer } from "../permissions/viewer.ts";
import { hasRole } from "../permissions/viewer.ts";

export interface RoleGrant {
  role: Role;
  /** Row id of the area, or null for the whole authority. */
  areaId: string | null;
}

export interface NewStaffMember {
  name: string;
  email: string;
  jobTitle: string | null;
  roles: RoleGrant[];
  /** Left out when they sign in through the authority's single sign-on. */
  initialPassword: string | null;
}

const roleWords = (grant: RoleGrant, areaName: string | null) =>
  `${grant.role.toLowerCase().replaceAll("_", " ")}${areaName ? ` in ${areaName}` : ""}`;

function requireStaffAdmin(context: GraphQLContext, action: "create" | "update"): Viewer {
  const viewer = requireViewer(context);
  // Checked against the authority about to be written to; CASL reads only this field.
  const draft: Partial<StaffUser> = { authorityId: viewer.authorityId };
  if (!context.ability.can(action, subject("StaffUser", draft as StaffUser)))
    throw new NotAuthorisedError("Only your authority's administrators can manage staff and roles.");
  return viewer;
}

/** The area a role is limited to must be one of the administrator's authority. */
async function areaNameOf(tx: DbClient, context: GraphQLContext, areaId: string | null, field: string) {
  if (!areaId) return null;
  const area = await findAccessible(tx, context.ability, "area", areaId, "read", "The area", field);
  return area.name;
}

/** Only a platform administrator hands out platform administration. */
function refusePlatformRole(viewer: Viewer, grant: RoleGrant, field: string) {
  if (grant.role === "PLATFORM_ADMIN" && !hasRole(viewer, "PLATFORM_ADMIN"))
    throw new DomainError(
      "PLATFORM_ROLE",
      "Only the platform's own administrators can give someone platform administration.",
      field,
    );
}

/** A role held twice would count twice nowhere but would confuse everyone reading the list. */
async function refuseHeldAlready(tx: DbClient, staffUserId: string, grant: RoleGrant, field: string) {
  const held = await tx.roleAssignment.findFirst({
    where: { staffUserId, role: grant.role, areaId: grant.areaId },
    select: { id: true },
  });
  if (held) throw new DomainError("ROLE_HELD", "They already hold that role there.", field);
}

/** Active administrators of the authority other than `exceptUserId`'s (or one assignment). */
async function otherActiveAdmins(
  tx: DbClient,
  authorityId: string,
  except: { userId?: string; assignmentId?: string },
) {
  return tx.roleAssignment.count({
    where: {
      authorityId,
      role: "AUTHORITY_ADMIN",
      staffUser: { active: true },
      ...(except.userId ? { staffUserId: { not: except.userId } } : {}),
      ...(except.assignmentId ? { id: { not: except.assignmentId } } : {}),
    },
  });
}

const lastAdminError = (field: string) =>
  new DomainError(
    "LAST_ADMINISTRATOR",
    "Your authority would have no administrator left. Make someone else an administrator first.",
    field,
  );

const duplicateEmail = (email: string) =>
  new DomainError(
    "DUPLICATE_EMAIL",
    `${email} already has a Pathfinder account. Each person signs in with their own address.`,
    "input.email",
  );

export async function addStaffMember(context: GraphQLContext, member: NewStaffMember): Promise<StaffUser> {
  const viewer = requireStaffAdmin(context, "create");
  const email = member.email.trim().toLowerCase();
  const passwordHash = member.initialPassword ? await hashPassword(member.initialPassword) : null;
  try {
    return await inTransaction(context, async (tx) => {
      // Addresses are unique across the platform; another authority's rows are invisible here,
      // so a clash with one of those is caught by the unique index below instead.
      if (await tx.staffUser.findFirst({ where: { email }, select: { id: true } })) throw duplicateEmail(email);
      const areaNames: (string | null)[] = [];
      for (const [index, grant] of member.roles.entries()) {
        refusePlatformRole(viewer, grant, `input.roles.${index}.role`);
        areaNames.push(await areaNameOf(tx, context, grant.areaId, `input.roles.${index}.areaId`));
      }
      const user = await tx.staffUser.create({
        data: { authorityId: viewer.authorityId, email, name: member.name, jobTitle: member.jobTitle, passwordHash },
      });
      for (const grant of member.roles)
        await tx.roleAssignment.create({
          data: { authorityId: viewer.authorityId, staffUserId: user.id, role: grant.role, areaId: grant.areaId },
        });
      await recordAudit(tx, viewer, {
        action: "staff.add",
        entityType: "StaffUser",
        entityId: user.id,
        summary: `Added ${user.name} (${email})${member.roles.length ? ` as ${member.roles.map((grant, index) => roleWords(grant, areaNames[index] ?? null)).join(", ")}` : ""}`,
        after: { name: user.name, email, jobTitle: user.jobTitle, roles: member.roles },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicateEmail(email);
    throw error;
  }
}

async function staffMemberFor(tx: Transaction, context: GraphQLContext, staffUserId: string, field: string) {
  return findAccessible(tx, context.ability, "staffUser", staffUserId, "update", "The member of staff", field);
}

export async function grantRole(context: GraphQLContext, staffUserId: string, grant: RoleGrant): Promise<string> {
  const viewer = requireStaffAdmin(context, "update");
  refusePlatformRole(viewer, grant, "input.role");
  return inTransaction(context, async (tx) => {
    const person = await staffMemberFor(tx, context, staffUserId, "input.staffUserId");
    const areaName = await areaNameOf(tx, context, grant.areaId, "input.areaId");
    await refuseHeldAlready(tx, person.id, grant, "input.role");
    const assignment = await tx.roleAssignment.create({
      data: { authorityId: viewer.authorityId, staffUserId: person.id, role: grant.role, areaId: grant.areaId },
    });
    await recordAudit(tx, viewer, {
      action: "staff.grant-role",
      entityType: "StaffUser",
      entityId: person.id,
      summary: `Made ${person.name} ${roleWords(grant, areaName)}`,
      after: { roleAssignmentId: assignment.id, ...grant },
    });
    return person.id;
  });
}

export async function revokeRole(context: GraphQLContext, roleAssignmentId: string): Promise<string> {
  const viewer = requireStaffAdmin(context, "update");
  return inTransaction(context, async (tx) => {
    const assignment = await findAccessible(
      tx,
      context.ability,
      "roleAssignment",
      roleAssignmentId,
      "delete",
      "The role",
      "roleAssignmentId",
    );
    if (
      assignment.role === "AUTHORITY_ADMIN" &&
      (await otherActiveAdmins(tx, viewer.authorityId, { assignmentId: assignment.id })) === 0
    )
      throw lastAdminError("roleAssignmentId");
    if (assignment.role === "PLATFORM_ADMIN")
      refusePlatformRole(viewer, { role: assignment.role, areaId: null }, "roleAssignmentId");
    const person = await tx.staffUser.findUniqueOrThrow({ where: { id: assignment.staffUserId } });
    const areaName = await areaNameOf(tx, context, assignment.areaId, "roleAssignmentId");
    await tx.roleAssignment.delete({ where: { id: assignment.id } });
    await recordAudit(tx, viewer, {
      action: "staff.revoke-role",
      entityType: "StaffUser",
      entityId: person.id,
      summary: `${person.name} is no longer ${roleWords(assignment, areaName)}`,
      before: { roleAssignmentId: assignment.id, role: assignment.role, areaId: assignment.areaId },
    });
    return person.id;
  });
}

/**
 * Closes or reopens an account. A closed account cannot sign in (password or single sign-on)
 * and its live sessions are revoked in the same transaction, so it is signed out at once.
 */
export async function setStaffActive(context: GraphQLContext, staffUserId: string, active: boolean): Promise<string> {
  const viewer = requireStaffAdmin(context, "update");
  return inTransaction(context, async (tx) => {
    const person = await staffMemberFor(tx, context, staffUserId, "staffUserId");
    if (person.active === active) return person.id;
    if (!active) {
      if (person.id === viewer.id)
        throw new DomainError(
          "OWN_ACCOUNT",
          "You cannot close your own account. Ask another administrator.",
          "staffUserId",
        );
      const isAdmin = await tx.roleAssignment.count({ where: { staffUserId: person.id, role: "AUTHORITY_ADMIN" } });
      if (isAdmin && (await otherActiveAdmins(tx, viewer.authorityId, { userId: person.id })) === 0)
        throw lastAdminError("staffUserId");
    }
    await tx.staffUser.update({ where: { id: person.id }, data: { active } });
    if (!active)
      await tx.session.updateMany({
        where: { staffUserId: person.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    await recordAudit(tx, viewer, {
      action: active ? "staff.reactivate" : "staff.deactivate",
      entityType: "StaffUser",
      entityId: person.id,
      summary: active ? `Reopened ${person.name}'s account` : `Closed ${person.name}'s account and signed them out`,
      before: { active: person.active },
      after: { active },
    });
    return person.id;
  });
}
