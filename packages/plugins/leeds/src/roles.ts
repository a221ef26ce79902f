import type { PluginRole } from "@pathfinder/core";

export const IPC = "Integrated Processes Coordinator (IPC)";

/**
 * One IPC per wedge decides its wedge's requests (cover during leave is core's dated cover).
 * "Any assessor" may use the fund: where there is no multi-agency response the assessor
 * co-ordinates the support, so whoever co-ordinates is the case's lead professional here.
 */
export const leedsRoles: Record<string, PluginRole> = {
  ipc: { label: IPC, coreRole: "APPROVER" },
  "assessor-or-lead-professional": { label: "Assessor or lead professional", coreRole: "LEAD_PROFESSIONAL" },
};
