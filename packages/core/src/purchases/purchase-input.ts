import { z } from "zod";

const MAX_ITEM_PENCE = 10_000_000; // £100,000: far beyond any scheme's limit, a guard against typos.

export const purchaseItemSchema = z.object({
  category: z.string(),
  description: z
    .string()
    .trim()
    .min(1, "Describe what is being bought")
    .max(500, "Keep the description under 500 characters"),
  // A decoded global ID: checked against the suppliers the viewer can see, not here.
  supplierId: z.unknown().optional(),
  unitCost: z
    .number()
    .int("Amounts are whole pence")
    .positive("The amount must be more than £0.00")
    .max(MAX_ITEM_PENCE, "The amount is more than £100,000: check it is in pence (£12.50 is 1250)"),
  quantity: z
    .number()
    .int("The quantity is a whole number")
    .min(1, "The quantity must be at least 1")
    .max(1000, "The quantity must be at most 1,000")
    .nullish(),
});

export const purchaseDetailsSchema = z.object({
  // Each item is validated by its own input type; here only how many there are.
  items: z.array(z.unknown()).min(1, "Add at least one item").max(20, "A request can have at most 20 items").nullish(),
  intendedOutcomes: z.string().trim().max(4000, "Keep the intended outcomes under 4,000 characters").nullish(),
  otherFundingExplanation: z.string().trim().max(4000, "Keep this under 4,000 characters").nullish(),
  matchedFunding: z.number().int("Amounts are whole pence").min(0, "Matched funding cannot be negative").nullish(),
  ecmOutcomes: z.array(z.string()).nullish(),
});

export type PurchaseItemInput = z.infer<typeof purchaseItemSchema>;

/** The request's total: integer pence, summed exactly. */
export const totalOf = (items: readonly { unitCost: number; quantity: number }[]) =>
  items.reduce((sum, item) => sum + item.unitCost * item.quantity, 0);
