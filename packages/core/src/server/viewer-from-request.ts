import { findSessionUser } from "../auth/sessions.ts";
import type { Database } from "../db/prisma-client.ts";
import type { AreaId, AuthorityId, StaffUserId } from "../domain/ids.ts";
import type { Viewer, ViewerRole } from "../permissions/viewer.ts";

const rolesOf = (assignments: { role: ViewerRole["role"]; areaId: string | null }[]): ViewerRole[] =>
  assignments.map((assignment) => ({ role: assignment.role, areaId: assignment.areaId as AreaId | null }));

export async function viewerFromSessionToken(db: Database, token: string | null): Promise<Viewer | null> {
  if (!token) return null;
  const found = await findSessionUser(db, token);
  if (!found) return null;
  const { user } = found;
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
