import { approverRolesOf, hasRole, type Viewer } from "./viewer.ts";

/**
 * Whether the viewer may receive a child's or family's identity: names, dates of birth,
 * addresses, and the name of whoever signed for cash. Only the people who work with the
 * family do: lead professionals and approvers (including cover for an approver). Finance,
 * budget managers, overseers and evaluators, administrators and platform staff work with
 * amounts, suppliers and statistics, and get those fields as null or "not authorised" even
 * where a rule lets them load the row.
 *
 * A second line behind the row rules: CASL already keeps most of those roles away from
 * children's rows; this keeps identity out of every field they can reach, including ones a
 * future rule or scheme opens up.
 */
export function mayReadPersonalData(viewer: Viewer | null): boolean {
  if (!viewer) return false;
  return hasRole(viewer, "LEAD_PROFESSIONAL") || approverRolesOf(viewer).length > 0;
}
