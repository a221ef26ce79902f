import { formatPence, type Pence } from "@pathfinder/core";
import type { ApprovalTier, ConfigurableSettings } from "./settings.ts";

const money = (amount: number) => formatPence(amount as Pence);

function whoDecides(tier: ApprovalTier): string {
  return (tier.steps ?? []).map((step) => `the ${step.label}`).join(", then ");
}

/** "Up to £100.00 you sign off yourself", "Between £100.01 and £500.00: the Locality panel chair", … */
function tierLines(settings: ConfigurableSettings): string[] {
  const lines = settings.approvalTiers.map((tier, index) => {
    const previous = settings.approvalTiers[index - 1];
    if (tier.approval === "self") return `Up to ${money(tier.upToPence)} you sign off yourself`;
    if (!previous) return `Up to ${money(tier.upToPence)}: ${whoDecides(tier)}`;
    return `Between ${money(previous.upToPence + 1)} and ${money(tier.upToPence)}: ${whoDecides(tier)}`;
  });
  const last = settings.approvalTiers.at(-1);
  if (last) lines.push(`Over ${money(last.upToPence)}: not funded by this scheme`);
  return lines;
}

function capLines(settings: ConfigurableSettings): string[] {
  const lines = [`At most ${money(settings.perRequestCapPence)} a request`];
  if (settings.perCaseCapPence !== null) lines.push(`At most ${money(settings.perCaseCapPence)} in total for one case`);
  const child = settings.perChildCap;
  if (child)
    lines.push(
      `At most ${money(child.capPence)} per child ${child.period === "budget-period" ? "in the budget's period" : "in any twelve months"}`,
    );
  return lines;
}

function whoLines(settings: ConfigurableSettings): string[] {
  const lines = [`For children aged ${settings.minAge} to ${settings.maxAge} on the day of the request`];
  if (settings.excludeLookedAfter) lines.push("Not for looked-after children");
  if (settings.excludeDirectPaymentsEligible) lines.push("Not for children eligible for direct payments");
  if (settings.excludeDisabled) lines.push("Not for disabled children");
  if (settings.requireCafDocument) lines.push("Attach the CAF document to the case's latest assessment");
  if (settings.requireEcmOutcome) lines.push("Choose at least one Every Child Matters outcome");
  if (settings.requireMatchedFunding) lines.push("Record what the family puts in (matched funding)");
  return lines;
}

function routeLines(settings: ConfigurableSettings): string[] {
  const routes = settings.allowedRoutes.map((route) => {
    if (route === "SUPPLIER_ORDER") return "an order from a supplier";
    const limit = settings.maxCashPence === null ? "" : ` up to ${money(settings.maxCashPence)}`;
    return `cash${limit} (receipts and change back within ${settings.receiptsDueInDays} days)`;
  });
  return [`Paid by ${routes.join(", or ")}`];
}

function reviewLines(settings: ConfigurableSettings): string[] {
  const review = settings.reviewDueInDays;
  if (typeof review === "number") return [`Outcome review: ${review} days after approval`];
  // The last band also covers every larger amount, so it reads "above" the band before it.
  const bands = review.map((band, index) => {
    const previous = review[index - 1];
    if (index < review.length - 1) return `${band.days} days up to ${money(band.upToPence)}`;
    return previous ? `${band.days} days above ${money(previous.upToPence)}` : `${band.days} days`;
  });
  return [`Outcome review after approval: ${bands.join("; ")}`];
}

/** The scheme's rules in words, from the settings, shown before they are broken. */
export function configurableGuidance(settings: ConfigurableSettings): string[] {
  const areas = settings.areas.length > 0 ? [`Areas: ${settings.areas.join(", ")}`] : [];
  return [
    ...tierLines(settings),
    ...capLines(settings),
    ...whoLines(settings),
    ...routeLines(settings),
    ...reviewLines(settings),
    ...areas,
  ];
}

/** Core's role names replaced by the authority's own, taken from the tiers' step labels. */
export function configurableLabels(settings: ConfigurableSettings): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const tier of settings.approvalTiers) for (const step of tier.steps ?? []) labels[step.role] ??= step.label;
  return labels;
}
