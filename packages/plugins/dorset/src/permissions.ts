import type { SchemePlugin } from "@pathfinder/core";

/**
 * A co-ordinator may agree grants for a locality that has no co-ordinator of its own. Core lets
 * approvers see and decide only their own area's requests, so here every co-ordinator also sees
 * (and may be asked to decide) the Dorset requests whose chain was put to any locality's
 * co-ordinator, and the budget they draw on. The approval engine still checks the step.
 *
 * The case record itself stays with its own locality: core checks case reads on the loaded row,
 * so a case rule may only name the case's own columns, and which localities lack a co-ordinator
 * is not one of them. The request carries part one of the form (what, why, which outcomes).
 */
export const dorsetPermissions: NonNullable<SchemePlugin["permissions"]> = (can, viewer) => {
  const coordinator = [...viewer.roles, ...viewer.cover.flatMap((colleague) => colleague.roles)].some(
    (assignment) => assignment.role === "APPROVER",
  );
  if (!coordinator) return;
  const authorityId = viewer.authorityId;
  const putToAnyLocality = {
    budget: { is: { scheme: "dorset" } },
    steps: { some: { role: "APPROVER" as const, areaId: null } },
  };
  can(["read", "decide"], "PurchaseRequest", { authorityId, ...putToAnyLocality });
  can("read", "Budget", { authorityId, scheme: "dorset", purchaseRequests: { some: putToAnyLocality } });
};
