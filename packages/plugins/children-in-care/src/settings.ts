import { z } from "zod";

const pence = z.number().int("Amounts are whole pence").nonnegative("Amounts cannot be negative");
const days = z.number().int("Whole days").min(1, "At least one day").max(365, "At most a year");

/**
 * The green paper on children in care proposes piloting social workers as budget holders "at
 * different levels": a limited budget the social worker spends alone, and a higher level (for
 * example therapeutic services) with more scrutiny. The levels are the authority's to set; the
 * paper names no figures, so the defaults are a starting point: £250 alone, up to £2,000 with the
 * team manager's approval, nothing above.
 */
export const childrenInCareSettings = z
  .looseObject({
    /** Up to this, the social worker signs off at once: the "limited budget". */
    selfSignOffLimitPence: pence.default(25_000),
    /** Above the limited budget and up to this, the team manager approves: the "larger level". */
    teamManagerLimitPence: pence.default(200_000),
    /** When the outcome review falls due after approval. */
    reviewDueInDays: days.default(56),
    /** How long the social worker has to bring back receipts and change for cash. */
    receiptsDueInDays: days.default(28),
  })
  .refine((settings) => settings.teamManagerLimitPence >= settings.selfSignOffLimitPence, {
    message: "The team manager's limit must be at least the social worker's own limit",
    path: ["teamManagerLimitPence"],
  });

export type ChildrenInCareSettings = z.infer<typeof childrenInCareSettings>;
