import { type ApprovalChain, formatPence, type Pence, type RequestUnderReview } from "@pathfinder/core";
import type { ApprovalTier, ConfigurableSettings } from "./settings.ts";

/** The first tier whose upper limit covers the amount; none above the last tier. */
export function tierFor(settings: ConfigurableSettings, total: number): ApprovalTier | undefined {
  return settings.approvalTiers.find((tier) => total <= tier.upToPence);
}

/**
 * Who decides depends only on the amount: the tier covering it names either the lead
 * professional (self sign-off) or the steps in order, each in the case's area or authority-wide.
 */
export function configurableApprovalChain(
  settings: ConfigurableSettings,
  { request, case: theCase }: Pick<RequestUnderReview, "request" | "case">,
): ApprovalChain {
  const tier = tierFor(settings, request.total);
  if (!tier) {
    const last = settings.approvalTiers.at(-1)?.upToPence ?? 0;
    return {
      kind: "refused",
      reason: `This scheme can approve up to ${formatPence(last as Pence)} a request; ${formatPence(request.total)} is over that. Split the need only if it is genuinely separate, or look for other funding.`,
    };
  }
  if (tier.approval === "self")
    return {
      kind: "self-sign-off",
      reason: `Up to ${formatPence(tier.upToPence as Pence)} the lead professional signs off`,
    };
  return {
    kind: "steps",
    steps: (tier.steps ?? []).map((step) => ({
      role: step.role,
      areaId: step.scope === "case-area" ? theCase.areaId : null,
      label: step.label,
    })),
  };
}
