import type { PluginRole } from "@pathfinder/core";
import { DECISION_ADVISOR } from "./approval.ts";

export const STEERING_GROUP_MEMBER = "Steering group member";

/**
 * Derbyshire's names for the people in the pilot. The steering group is a multi-agency group per
 * area that "had an overview of the spends … and could identify trends": core's OVERSEER,
 * assigned for one area, reads that area's requests and budgets and decides nothing.
 */
export const derbyshireRoles: Record<string, PluginRole> = {
  "lead-practitioner": { label: "Lead practitioner", coreRole: "LEAD_PROFESSIONAL" },
  "decision-advisor": { label: DECISION_ADVISOR, coreRole: "APPROVER" },
  "steering-group-member": { label: STEERING_GROUP_MEMBER, coreRole: "OVERSEER" },
};
