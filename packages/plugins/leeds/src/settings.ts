import { z } from "zod";

const days = z.number().int("Whole days").min(1, "At least one day").max(365, "At most a year");

/**
 * Leeds' Early Intervention Fund practice guidance: "a maximum of four priority needs are
 * highlighted" in each common assessment. The guidance names no amounts and no dates, so the
 * days are core's: 28 days to bring back receipts and change, and the outcome review (and with
 * it the case study's "how things changed") about three months after approval.
 */
export const leedsSettings = z.looseObject({
  maxPriorityNeeds: z.number().int("A whole number").min(1, "At least one priority need").max(10).default(4),
  receiptsDueInDays: days.default(28),
  reviewDueInDays: days.default(91),
});

export type LeedsSettings = z.infer<typeof leedsSettings>;

/** A purchase request's Leeds attributes, under `extensions.leeds`. */
export const leedsRequestExtension = z.object({
  /** Route B only: why cash rather than an order through the IPC. */
  cashReason: z.string().trim().max(2_000, "Keep the reason under 2,000 characters").optional(),
});

export type LeedsRequestExtension = z.infer<typeof leedsRequestExtension>;
