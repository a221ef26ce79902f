import { formatPence, type Pence } from "@pathfinder/core";
import { z } from "zod";

// The shapes an administrator fills in for approval tiers and review bands, with the checks
// that catch a muddled configuration before it is saved rather than on someone's request.

export const pence = z
  .number({ error: "Give amounts as a whole number of pence, e.g. 10000 for £100.00" })
  .int("Amounts are whole pence, e.g. 10000 for £100.00")
  .nonnegative("Amounts cannot be negative");

export const days = z
  .number({ error: "Give a number of days" })
  .int("Days are whole days")
  .min(1, "At least one day")
  .max(366, "At most a year (366 days)");

const money = (amount: number) => formatPence(amount as Pence);

/** Settings are typed by hand, so a misspelt key is reported rather than dropped in silence. */
export const unknownKeys = (issue: { code?: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" ? `Unknown setting ${issue.keys?.join(", ")}: check the spelling` : undefined;

/** Core roles that can hold an approval step; lead professionals sign off through approval: "self". */
export const STEP_ROLES = ["APPROVER", "BUDGET_MANAGER", "FINANCE_OFFICER", "OVERSEER"] as const;

const step = z.strictObject(
  {
    role: z.enum(STEP_ROLES, { error: "A step's role is APPROVER, BUDGET_MANAGER, FINANCE_OFFICER or OVERSEER" }),
    scope: z
      .enum(["case-area", "authority"], {
        error:
          'A step\'s scope is "case-area" (holders of the role in the case\'s area) or "authority" (anyone with the role)',
      })
      .default("case-area"),
    label: z.string().trim().min(1, 'Name each step as the portal shows it, e.g. "Locality panel chair"'),
  },
  { error: unknownKeys },
);

const tier = z
  .strictObject(
    {
      upToPence: pence.min(1, "A tier's upper limit must be more than £0.00"),
      approval: z
        .literal("self", { error: 'approval can only be "self" (the lead professional signs off)' })
        .optional(),
      steps: z.array(step).optional(),
    },
    { error: unknownKeys },
  )
  .superRefine((tier, context) => {
    const hasSteps = (tier.steps?.length ?? 0) > 0;
    if (tier.approval === "self" && hasSteps)
      context.addIssue({
        code: "custom",
        path: ["steps"],
        message: 'A tier is either signed off by the lead professional (approval: "self") or has steps, not both',
      });
    if (tier.approval !== "self" && !hasSteps)
      context.addIssue({
        code: "custom",
        path: ["steps"],
        message: 'Give this tier at least one approval step, or approval: "self"',
      });
  });

export const approvalTiers = z
  .array(tier)
  .min(1, "Add at least one approval tier: requests above the last tier are refused")
  .superRefine((tiers, context) => {
    tiers.forEach((current, index) => {
      const previous = tiers[index - 1];
      if (previous && current.upToPence <= previous.upToPence)
        context.addIssue({
          code: "custom",
          path: [index, "upToPence"],
          message: `Tiers must rise: tier ${index + 1} ends at ${money(current.upToPence)}, which is not above tier ${index}'s ${money(previous.upToPence)}`,
        });
      // Self sign-off above a tier that needs an approver would give more money less scrutiny.
      if (index > 0 && current.approval === "self")
        context.addIssue({
          code: "custom",
          path: [index, "approval"],
          message: "Only the first tier can let the lead professional sign off alone",
        });
    });
  });

export const reviewBands = z
  .array(z.strictObject({ upToPence: pence, days }, { error: unknownKeys }))
  .min(1, "Give at least one review band, or a single number of days")
  .superRefine((bands, context) => {
    bands.forEach((band, index) => {
      const previous = bands[index - 1];
      if (previous && band.upToPence <= previous.upToPence)
        context.addIssue({
          code: "custom",
          path: [index, "upToPence"],
          message: `Review bands must rise: band ${index + 1} ends at ${money(band.upToPence)}, which is not above band ${index}'s ${money(previous.upToPence)}`,
        });
    });
  });
