import type { PluginRole } from "@pathfinder/core";

export const SOCIAL_WORKER = "Social worker";
export const TEAM_MANAGER = "Team manager";

/** For looked-after children the lead professional is usually the child's social worker. */
export const childrenInCareRoles: Record<string, PluginRole> = {
  "social-worker": { label: SOCIAL_WORKER, coreRole: "LEAD_PROFESSIONAL" },
  "team-manager": { label: TEAM_MANAGER, coreRole: "APPROVER" },
};
