import type { PluginRole } from "@pathfinder/core";
import { LOCALITY_COORDINATOR } from "./approval.ts";

/** Dorset's names for the people in the protocol, each with the powers of one of core's roles. */
export const dorsetRoles: Record<string, PluginRole> = {
  "lead-professional": { label: "Lead professional", coreRole: "LEAD_PROFESSIONAL" },
  "locality-coordinator": { label: LOCALITY_COORDINATOR, coreRole: "APPROVER" },
};
