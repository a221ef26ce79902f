import type { SchemePlugin } from "@pathfinder/core";

type Permissions = NonNullable<SchemePlugin["permissions"]>;

/**
 * Route A: "the service is approved and ordered by an IPC". An IPC may record the order (core's
 * `fulfil`) for the Leeds requests of their own wedge that go to a supplier; cash (route B) stays
 * with finance, who issue it against the lead professional's signature.
 */
export const leedsPermissions: Permissions = (can, viewer) => {
  const wedges = viewer.roles.filter((assignment) => assignment.role === "APPROVER");
  if (wedges.length === 0) return;
  const everywhere = wedges.some((assignment) => assignment.areaId === null);
  const inWedge = everywhere ? {} : { case: { is: { areaId: { in: wedges.map((w) => w.areaId as string) } } } };
  can(["read", "fulfil"], "PurchaseRequest", {
    authorityId: viewer.authorityId,
    route: "SUPPLIER_ORDER",
    budget: { is: { scheme: "leeds" } },
    ...inWedge,
  });
};
