import { findSessionUser } from "../auth/sessions.ts";
import type { DbClient } from "../db/transaction.ts";
import type { AreaId, AuthorityId, StaffUserId } from "../domain/ids.ts";
import type { Viewer, ViewerRole } from "../permissions/viewer.ts";

const rolesOf = (assignments: { role: ViewerRole["role"]; areaId: string | null }[]): ViewerRole[] =>
  assignments.map((assignment) => ({ role: assignment.role, areaId: assignment.areaId as AreaId | null }));

type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>["user"];

/** The signed-in viewer, with the transaction's authority set to theirs (see findSessionUser). */
export async function viewerFromSessionToken(db: DbClient, token: string | null): Promise<Viewer | null> {
  if (!token) return null;
  const found = await findSessionUser(db, token);
  return found ? viewerFromUser(found.user) : null;
}

/** The viewer a staff user row (with role assignments and today's cover) stands for. */
export function viewerFromUser(user: SessionUser): Viewer {
  return {
    id: user.id as StaffUserId,
    authorityId: user.authorityId as AuthorityId,
    name: user.name,
    email: user.email,
    roles: rolesOf(user.roleAssignments),
    cover: user.coverTaken
      .filter((delegation) => delegation.delegator.active)
      .map((delegation) => ({
        id: delegation.delegator.id as StaffUserId,
        name: delegation.delegator.name,
        roles: rolesOf(delegation.delegator.roleAssignments),
      })),
  };
}
