import { AbilityBuilder } from "@casl/ability";
import type { Role } from "../generated/prisma/enums.ts";
import { reportScopeOf } from "../reports/report-scope.ts";
import { type AppAbility, createPrismaAbility, type SubjectName } from "./casl-prisma.ts";
import { approverRolesOf, hasRole, type Viewer } from "./viewer.ts";

/** Every subject that belongs to one authority, fenced in by `authorityId`. */
const tenantSubjects: SubjectName[] = [
  "Area",
  "StaffUser",
  "RoleAssignment",
  "Child",
  "Household",
  "Case",
  "Assessment",
  "TeamMeeting",
  "UnmetNeed",
  "Budget",
  "LedgerEntry",
  "Supplier",
  "Delegation",
  "PurchaseRequest",
  "Decision",
  "Attachment",
  "AuditEvent",
];

/** Where a role applies: `undefined` for the whole authority, otherwise `{ in: areaIds }`. */
function areasOf(viewer: Viewer, role: Role): { in: string[] } | undefined | null {
  const assignments = viewer.roles.filter((assignment) => assignment.role === role);
  if (assignments.length === 0) return null;
  if (assignments.some((assignment) => assignment.areaId === null)) return undefined;
  return { in: assignments.map((assignment) => assignment.areaId as string) };
}

/**
 * The single source of authorisation: what the viewer may do, built from their role
 * assignments. Resolvers ask it (`ability.can`), and lists filter with it in SQL
 * (`accessibleBy(ability).ofType(...)`), so a row the viewer may not read is never fetched.
 *
 * Order matters: core's rules, then (later) each scheme's rules, then the tenant fence, which
 * is written last with `cannot` so that no earlier `can` reaches into another authority.
 */
export function defineAbilityFor(
  viewer: Viewer | null,
  schemeRules?: (can: AbilityBuilder<AppAbility>["can"]) => void,
): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createPrismaAbility);
  if (!viewer) return build();

  const own = viewer.authorityId;
  const me = viewer.id;
  can("read", "Authority", { id: own });
  can("read", "Area", { authorityId: own });
  can("read", "StaffUser", { authorityId: own });
  can("read", "RoleAssignment", { authorityId: own });
  can("read", "Supplier", { authorityId: own });
  can("read", "Delegation", { authorityId: own, OR: [{ delegatorId: me }, { delegateId: me }] });

  if (hasRole(viewer, "LEAD_PROFESSIONAL")) {
    // A lead professional works on the cases they lead, and can open cases in their areas.
    const areas = areasOf(viewer, "LEAD_PROFESSIONAL");
    can("create", "Case", { authorityId: own, ...(areas ? { areaId: areas } : {}) });
    can(["read", "update"], "Case", { authorityId: own, leadProfessionalId: me });
    can(["handOver", "close"], "Case", { authorityId: own, leadProfessionalId: me });
    const myCase = { case: { is: { leadProfessionalId: me } } };
    can("read", "Child", { authorityId: own, cases: { some: myCase } });
    can(["read", "create"], ["Assessment", "TeamMeeting", "UnmetNeed"], { authorityId: own, ...myCase });
    can(["read", "create", "update"], "PurchaseRequest", { authorityId: own, ...myCase });
    // Balances are not confidential within an authority, and a case may draw on any area's fund.
    can("read", "Budget", { authorityId: own });
    can(["read", "create"], "Attachment", { authorityId: own, uploadedById: me });
    // The files of the cases they lead, whoever uploaded them: a case handed over keeps its files.
    can("read", "Attachment", {
      authorityId: own,
      OR: [{ assessments: { some: myCase } }, { receipts: { some: { purchaseRequest: { is: myCase } } } }],
    });
  }

  // Cover for an absent approver passes on their approving, so their areas count here too.
  const approverAreas = areasOf({ ...viewer, roles: approverRolesOf(viewer) }, "APPROVER");
  if (approverAreas !== null) {
    // Approvers see the cases and requests of the areas they decide for.
    const inArea = approverAreas ? { areaId: approverAreas } : {};
    can("read", "Case", { authorityId: own, ...inArea });
    can("read", "Child", { authorityId: own, cases: { some: { case: { is: inArea } } } });
    can("read", ["Assessment", "TeamMeeting", "UnmetNeed"], { authorityId: own, case: { is: inArea } });
    can(["read", "decide"], "PurchaseRequest", { authorityId: own, case: { is: inArea } });
    can("read", "Budget", { authorityId: own, ...(approverAreas ? { OR: [inArea, { areaId: null }] } : {}) });
    can("read", "Attachment", { authorityId: own });
    can("create", "Delegation", { authorityId: own, delegatorId: me });
  }

  const ownApproverAreas = areasOf(viewer, "APPROVER");
  if (ownApproverAreas !== null) {
    // A co-ordinator reassigns and closes their area's cases when a lead professional leaves
    // or is away. Only their own role counts: covering someone's approving does not pass this on.
    can(["handOver", "close"], "Case", { authorityId: own, ...(ownApproverAreas ? { areaId: ownApproverAreas } : {}) });
  }

  if (hasRole(viewer, "BUDGET_MANAGER")) {
    can(["read", "create", "update", "allocate"], "Budget", { authorityId: own });
    can("read", "LedgerEntry", { authorityId: own });
    // Schemes may add a budget manager's step above a threshold; the engine checks the step.
    can(["read", "decide"], "PurchaseRequest", { authorityId: own });
  }

  if (hasRole(viewer, "FINANCE_OFFICER")) {
    // Finance sees amounts, suppliers and the money's route, not the child's record.
    can(["read", "fulfil"], "PurchaseRequest", { authorityId: own });
    can("read", ["Budget", "LedgerEntry"], { authorityId: own });
    can(["create", "update"], "Supplier", { authorityId: own });
    // Receipts and invoices often reach finance first (Leeds route A), so finance may file them.
    can(["read", "create"], "Attachment", { authorityId: own, kind: "RECEIPT" });
  }

  const overseerAreas = areasOf(viewer, "OVERSEER");
  if (overseerAreas !== null) {
    can("read", "Budget", { authorityId: own, ...(overseerAreas ? { areaId: overseerAreas } : {}) });
    can("read", "PurchaseRequest", {
      authorityId: own,
      ...(overseerAreas ? { case: { is: { areaId: overseerAreas } } } : {}),
    });
  }

  if (hasRole(viewer, "AUTHORITY_ADMIN")) {
    can("manage", ["Area", "StaffUser", "RoleAssignment", "Supplier"], { authorityId: own });
    can("read", "AuditEvent", { authorityId: own });
    // Admins find and reassign the cases of staff who leave; the children's records stay closed to them.
    can(["read", "handOver", "close"], "Case", { authorityId: own });
  }

  // Which cases the viewer's monitoring reports count (reports/report-scope.ts decides; the SQL
  // reports apply the same scope, and the fence below bounds it like every other rule).
  const reporting = reportScopeOf(viewer);
  if (reporting?.areaIds === null) can("report", "Case", { authorityId: own });
  else if (reporting) {
    if (reporting.areaIds.length) can("report", "Case", { authorityId: own, areaId: { in: reporting.areaIds } });
    if (reporting.ownCasesOf) can("report", "Case", { authorityId: own, leadProfessionalId: reporting.ownCasesOf });
  }

  // The rules of the schemes the authority enabled, before the fence so it bounds them too.
  schemeRules?.(can);

  if (hasRole(viewer, "PLATFORM_ADMIN")) {
    // Platform administrators run the service, inside the fence like everyone else: every write
    // is stamped with the writer's authority, so reaching into another authority could only
    // fail (as a 500, the permission matrix found), and its children's records are not theirs.
    can("manage", "all");
  }

  cannot("manage", "Authority", { id: { not: own } });
  cannot("manage", tenantSubjects, { authorityId: { not: own } });
  return build();
}
