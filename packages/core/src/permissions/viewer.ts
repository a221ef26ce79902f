import type { AreaId, AuthorityId, StaffUserId } from "../domain/ids.ts";
import type { Role } from "../generated/prisma/enums.ts";

export interface ViewerRole {
  role: Role;
  /** null: the role covers the whole authority. */
  areaId: AreaId | null;
}

/** The signed-in member of staff, as every permission decision sees them. */
export interface Viewer {
  id: StaffUserId;
  authorityId: AuthorityId;
  name: string;
  email: string;
  roles: readonly ViewerRole[];
}

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.roles.some((assignment) => assignment.role === role);
}
