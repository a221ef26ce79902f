import { z } from "zod";
import { approvalTiers, days, pence, reviewBands, unknownKeys } from "./tier-settings.ts";

// The configurable scheme serves the pathfinder authorities that have no plugin of their own:
// everything below is data an administrator sets with enablePlugin/configurePlugin, never code.
// Defaults come from the national fact sheet (amounts from £1.50 up to about £1,000) and from
// core's own scheme (one approver in the case's area, review due six weeks or three months on).

const age = z
  .number()
  .int("Ages are whole years")
  .min(0, "Ages cannot be negative")
  .max(25, "Ages above 25 are outside children's services");

export const ROUTES = ["SUPPLIER_ORDER", "CASH"] as const;

/** A per-child cap counts every request for the child in the budget's period, or in the last twelve months. */
const perChildCap = z.strictObject(
  {
    capPence: pence,
    period: z
      .enum(["budget-period", "rolling-year"], { error: 'The period is "budget-period" or "rolling-year"' })
      .default("budget-period"),
  },
  { error: unknownKeys },
);

/**
 * Strict at the top level: a misspelt flag ("excludeLookedAfer") would otherwise be dropped in
 * silence and the authority would believe a rule is on that is not.
 */
export const configurableSettings = z
  .strictObject(
    {
      /** The scheme's own names for its areas, shown in the portal; the real areas are core Area rows. */
      areas: z.array(z.string().trim().min(1, "Area names cannot be blank")).default([]),
      /** Inclusive, in whole years, for every child on the case, on the day the request is submitted. */
      minAge: age.default(0),
      maxAge: age.default(19),
      perRequestCapPence: pence.default(100_000),
      /** Everything for one case, whenever asked for; null: no cap. */
      perCaseCapPence: pence.nullable().default(null),
      perChildCap: perChildCap.nullable().default(null),
      approvalTiers: approvalTiers.default([
        { upToPence: 10_000, approval: "self" },
        { upToPence: 100_000, steps: [{ role: "APPROVER", scope: "case-area", label: "Approver" }] },
      ]),
      requireCafDocument: z.boolean().default(false),
      requireEcmOutcome: z.boolean().default(false),
      requireMatchedFunding: z.boolean().default(false),
      excludeLookedAfter: z.boolean().default(false),
      excludeDirectPaymentsEligible: z.boolean().default(false),
      excludeDisabled: z.boolean().default(false),
      allowedRoutes: z
        .array(z.enum(ROUTES, { error: 'Routes are "SUPPLIER_ORDER" or "CASH"' }))
        .min(1, "Allow at least one route: SUPPLIER_ORDER or CASH")
        .refine((routes) => new Set(routes).size === routes.length, "Name each route once")
        .default([...ROUTES]),
      /** The most a cash request may be; null: only the tiers and caps limit it. */
      maxCashPence: pence.nullable().default(null),
      receiptsDueInDays: days.default(28),
      /** Whether a colleague may decide in an absent approver's place (core's dated cover). */
      allowCover: z.boolean().default(true),
      /** One number of days, or bands by amount (above the last band, its days apply). */
      reviewDueInDays: z
        .union([days, reviewBands], { error: "Give the review as a number of days, or as bands [{ upToPence, days }]" })
        .default([
          { upToPence: 10_000, days: 42 },
          { upToPence: 100_000, days: 91 },
        ]),
    },
    { error: unknownKeys },
  )
  .superRefine((settings, context) => {
    if (settings.minAge > settings.maxAge)
      context.addIssue({
        code: "custom",
        path: ["maxAge"],
        message: `The maximum age (${settings.maxAge}) must be at least the minimum age (${settings.minAge})`,
      });
  });

export type ConfigurableSettings = z.infer<typeof configurableSettings>;
export type ApprovalTier = ConfigurableSettings["approvalTiers"][number];
export type Route = (typeof ROUTES)[number];
