import type { z } from "zod";
import type { configurableSettings } from "./settings.ts";

/** The demo authority's areas: invented places. */
export const DEMO_AREAS = ["Larkhaven Central", "Thorncombe", "Saltmarsh Vale"];

/**
 * The demo authority's configuration, with no code: chosen to exercise every kind of rule
 * (three tiers, two exclusions, all three caps, a cash limit, review bands).
 */
export const DEMO_SETTINGS = {
  areas: DEMO_AREAS,
  minAge: 0,
  maxAge: 17,
  perRequestCapPence: 150_000,
  perCaseCapPence: 200_000,
  perChildCap: { capPence: 250_000, period: "budget-period" },
  approvalTiers: [
    { upToPence: 10_000, approval: "self" },
    { upToPence: 50_000, steps: [{ role: "APPROVER", scope: "case-area", label: "Locality panel chair" }] },
    {
      upToPence: 150_000,
      steps: [
        { role: "APPROVER", scope: "case-area", label: "Locality panel chair" },
        { role: "BUDGET_MANAGER", scope: "authority", label: "Head of service" },
      ],
    },
  ],
  requireCafDocument: false,
  requireEcmOutcome: true,
  requireMatchedFunding: false,
  excludeLookedAfter: true,
  excludeDirectPaymentsEligible: true,
  excludeDisabled: false,
  allowedRoutes: ["SUPPLIER_ORDER", "CASH"],
  maxCashPence: 20_000,
  receiptsDueInDays: 14,
  reviewDueInDays: [
    { upToPence: 10_000, days: 42 },
    { upToPence: 150_000, days: 91 },
  ],
} satisfies z.input<typeof configurableSettings>;
