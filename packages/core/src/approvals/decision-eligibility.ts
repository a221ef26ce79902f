import type { Principal } from "./acting-as.ts";
import { holdsStepRole } from "./acting-as.ts";

export interface StepForDecision {
  role: string;
  areaId: string | null;
  label: string;
  areaName: string | null;
}

export type Eligibility = { allowed: true; principal: Principal } | { allowed: false; reason: string };

/**
 * Whether the viewer may decide the request's current step, and if not, why not in words.
 * Separation of duties: nobody decides on a request they raised (self sign-off, where a
 * scheme allows it, happens on submission, not here).
 */
export function decisionEligibility(
  principals: readonly Principal[],
  request: { status: string; requesterId: string },
  step: StepForDecision | null,
): Eligibility {
  if (request.status !== "AWAITING_DECISION" || !step)
    return { allowed: false, reason: "The request is not awaiting a decision." };
  const viewer = principals[0];
  if (!viewer) return { allowed: false, reason: "Sign in to decide." };
  if (viewer.id === request.requesterId)
    return { allowed: false, reason: "You raised this request: someone else must decide it." };
  const principal = principals.find(
    (candidate) => candidate.id !== request.requesterId && holdsStepRole(candidate.roles, step),
  );
  if (principal) return { allowed: true, principal };
  const where = step.areaName ? ` for ${step.areaName}` : "";
  return {
    allowed: false,
    reason: `This needs the ${step.label}${where}, and you are not one (nor covering for one).`,
  };
}
