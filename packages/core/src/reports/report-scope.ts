import type { AreaId, AuthorityId, StaffUserId } from "../domain/ids.ts";
import type { Role } from "../generated/prisma/enums.ts";
import type { Viewer } from "../permissions/viewer.ts";

/**
 * Which requests and cases a viewer's reports count. Always one authority (the fence);
 * within it, the whole authority, some areas, and/or the cases the viewer leads.
 */
export interface ReportScope {
  authorityId: AuthorityId;
  /** null: every area of the authority. */
  areaIds: AreaId[] | null;
  /** The viewer's own cases count even outside `areaIds` (a lead professional's own figures). */
  ownCasesOf: StaffUserId | null;
  /** Seeing nothing but one's own cases: false for anyone with an area or authority-wide role. */
  ownCasesOnly: boolean;
}

/** Roles that read figures for the whole authority: they manage, pay or administer its fund. */
const authorityWide: readonly Role[] = ["BUDGET_MANAGER", "FINANCE_OFFICER", "AUTHORITY_ADMIN", "PLATFORM_ADMIN"];
/**
 * Roles that read figures for the areas they hold: a steering group (overseer) watches its area;
 * a co-ordinator (approver) holds its locality's budget. Cover does not pass this on: reading
 * figures is not deciding.
 */
const areaWide: readonly Role[] = ["OVERSEER", "APPROVER"];

/**
 * The one definition of who may read reports, and over what. Returns null for a viewer with no
 * role that reads figures (none today: a lead professional reads their own cases' figures).
 */
export function reportScopeOf(viewer: Viewer): ReportScope | null {
  const base = { authorityId: viewer.authorityId, ownCasesOf: null, ownCasesOnly: false };
  if (viewer.roles.some((assignment) => authorityWide.includes(assignment.role))) return { ...base, areaIds: null };
  const areaRoles = viewer.roles.filter((assignment) => areaWide.includes(assignment.role));
  if (areaRoles.some((assignment) => assignment.areaId === null)) return { ...base, areaIds: null };
  const leads = viewer.roles.some((assignment) => assignment.role === "LEAD_PROFESSIONAL");
  if (areaRoles.length === 0 && !leads) return null;
  return {
    authorityId: viewer.authorityId,
    areaIds: [...new Set(areaRoles.map((assignment) => assignment.areaId as AreaId))],
    ownCasesOf: leads ? viewer.id : null,
    ownCasesOnly: areaRoles.length === 0,
  };
}
