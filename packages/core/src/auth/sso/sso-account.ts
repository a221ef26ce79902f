import { recordAudit } from "../../audit/audit-log.ts";
import type { DbClient } from "../../db/transaction.ts";
import type { AuthorityId, StaffUserId } from "../../domain/ids.ts";
import { type GroupRoleMapping, rolesFromGroups } from "./group-roles.ts";

export interface VerifiedPerson {
  subject: string;
  email: string | null;
  name: string | null;
  groups: string[];
}

export interface SsoProvider {
  id: string;
  authorityId: string;
  groupRoles: GroupRoleMapping[];
}

export type SsoAccountResult = { ok: true; staffUserId: StaffUserId } | { ok: false; status: number; message: string };

const refuse = (message: string, status = 403): SsoAccountResult => ({ ok: false, status, message });

/**
 * The member of staff a verified person is, made to match what their groups say: found by the
 * provider's subject, else by e-mail address in the same authority (and linked), else created
 * without a password. Their roles become exactly those their groups map to (a platform
 * administrator's role, never granted by a group, is left alone). `tx` is a transaction
 * scoped to the provider's authority, in which the caller then issues the session.
 */
export async function staffUserForSsoPerson(
  tx: DbClient,
  provider: SsoProvider,
  person: VerifiedPerson,
): Promise<SsoAccountResult> {
  const roles = rolesFromGroups(provider.groupRoles, person.groups);
  if (roles.length === 0)
    return refuse(
      "Your organisation's account is not in any group that gives access to Pathfinder. Ask your Pathfinder administrator to add you to the right group.",
    );
  {
    const linked = await tx.externalIdentity.findUnique({
      where: { identityProviderId_subject: { identityProviderId: provider.id, subject: person.subject } },
      include: { staffUser: true },
    });
    let user = linked?.staffUser ?? null;
    if (!user) {
      if (!person.email)
        return refuse(
          "Your organisation's account did not share an e-mail address, so Pathfinder cannot tell who you are.",
        );
      const email = person.email.trim().toLowerCase();
      // Other authorities' staff are invisible here (row-level security); this function
      // (migration 0010) says whose an address is, and nothing more.
      const [owner] = await tx.$queryRaw<{ authority_id: string }[]>`
        SELECT authority_id FROM sign_in_account(${email})`;
      if (owner && owner.authority_id !== provider.authorityId)
        return refuse("This e-mail address belongs to a member of staff of another authority.");
      user = await tx.staffUser.findUnique({ where: { email } });
      user ??= await tx.staffUser.create({
        data: { authorityId: provider.authorityId, email, name: person.name?.trim() || email, passwordHash: null },
      });
      await tx.externalIdentity.create({
        data: {
          authorityId: provider.authorityId,
          identityProviderId: provider.id,
          subject: person.subject,
          staffUserId: user.id,
        },
      });
    }
    if (!user.active) return refuse("Your Pathfinder account has been closed. Ask your Pathfinder administrator.");

    await tx.roleAssignment.deleteMany({ where: { staffUserId: user.id, role: { not: "PLATFORM_ADMIN" } } });
    await tx.roleAssignment.createMany({
      data: roles.map((role) => ({ authorityId: user.authorityId, staffUserId: user.id, ...role })),
      skipDuplicates: true,
    });
    const actor = {
      id: user.id as StaffUserId,
      authorityId: user.authorityId as AuthorityId,
      name: user.name,
      email: user.email,
      roles: [],
      cover: [],
    };
    await recordAudit(tx, actor, {
      action: "staff.sso-sign-in",
      entityType: "StaffUser",
      entityId: user.id,
      summary: `${user.name} signed in through single sign-on as ${roles.map((r) => r.role.toLowerCase().replaceAll("_", " ")).join(", ")}`,
      after: { roles },
    });
    return { ok: true as const, staffUserId: user.id as StaffUserId };
  }
}
