import { formatPence, type Pence, type PortalContribution } from "@pathfinder/core";
import { SOCIAL_WORKER, TEAM_MANAGER } from "./roles.ts";
import type { ChildrenInCareSettings } from "./settings.ts";

/** The scheme's rules in words, shown before they are broken. */
export function childrenInCareGuidance(settings: ChildrenInCareSettings): string[] {
  const own = formatPence(settings.selfSignOffLimitPence as Pence);
  const cap = formatPence(settings.teamManagerLimitPence as Pence);
  return [
    "Only for looked-after children: every child on the case must be in care.",
    `Up to ${own}: you sign off yourself, at once.`,
    `Over ${own} and up to ${cap} (therapeutic services, for example): your team manager approves.`,
    `Over ${cap}: not funded by this budget.`,
  ];
}

export const childrenInCarePortal: PortalContribution = {
  labels: { LEAD_PROFESSIONAL: SOCIAL_WORKER, APPROVER: TEAM_MANAGER },
  guidance: childrenInCareGuidance as PortalContribution["guidance"],
};
