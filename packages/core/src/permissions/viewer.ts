import type { AreaId, AuthorityId, StaffUserId } from "../domain/ids.ts";
import type { Role } from "../generated/prisma/enums.ts";

export interface ViewerRole {
  role: Role;
  /** null: the role covers the whole authority. */
  areaId: AreaId | null;
}

/** A colleague the viewer is covering for today (leave, sickness), with that colleague's roles. */
export interface Cover {
  id: StaffUserId;
  name: string;
  roles: readonly ViewerRole[];
}

/** The signed-in member of staff, as every permission decision sees them. */
export interface Viewer {
  id: StaffUserId;
  authorityId: AuthorityId;
  name: string;
  email: string;
  roles: readonly ViewerRole[];
  /** Cover in force today. Expired or future cover is never loaded, so it grants nothing. */
  cover: readonly Cover[];
}

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.roles.some((assignment) => assignment.role === role);
}

/** Approving is the one thing cover passes on: the viewer's own roles plus covered approvers'. */
export function approverRolesOf(viewer: Viewer): ViewerRole[] {
  return [...viewer.roles, ...viewer.cover.flatMap((colleague) => colleague.roles)].filter(
    (assignment) => assignment.role === "APPROVER",
  );
}
