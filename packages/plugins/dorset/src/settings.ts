import { z } from "zod";

const pence = z.number().int("Amounts are whole pence").nonnegative("Amounts cannot be negative");
const weeks = z.number().int("Whole weeks").min(1, "At least one week").max(104, "At most two years");

/** A band of the monitoring form's part three: up to this amount, the review falls due after so many weeks. */
const reviewBand = z.object({ upTo: pence, weeks });

/**
 * Dorset's pilot, as its working protocol states it: £40,000 for the whole pilot; up to £500
 * a case, or up to £1,000 in exceptional circumstances; children and young people aged 0-18.
 * Part three of the monitoring form is due in proportion to the amount (the protocol leaves the
 * figures to the co-ordinator: these bands are the authority's to change).
 */
export const dorsetSettings = z
  .looseObject({
    /** The money for the whole pilot, across every locality's budget. */
    pilotTotal: pence.default(4_000_000),
    /** The running total per case, in the usual run of things. */
    caseLimit: pence.default(50_000),
    /** The running total per case in exceptional circumstances, given in writing. */
    exceptionalCaseLimit: pence.default(100_000),
    /** "0-18": a child is eligible until their 19th birthday (this age plus one). */
    maxAge: z.number().int().min(0).max(25).default(18),
    /** Smallest band first: up to £100 four weeks, up to £500 eight weeks. */
    reviewBands: z.array(reviewBand).default([
      { upTo: 10_000, weeks: 4 },
      { upTo: 50_000, weeks: 8 },
    ]),
    /** Above the last band. */
    reviewWeeksAbove: weeks.default(12),
    receiptsDueInDays: z.number().int().min(1).max(365).default(28),
  })
  .refine((settings) => settings.exceptionalCaseLimit >= settings.caseLimit, {
    message: "The exceptional limit must be at least the usual limit per case",
    path: ["exceptionalCaseLimit"],
  })
  .refine((settings) => settings.reviewBands.every((band, i, all) => i === 0 || band.upTo > (all[i - 1]?.upTo ?? 0)), {
    message: "List the review bands from the smallest amount up",
    path: ["reviewBands"],
  });

export type DorsetSettings = z.infer<typeof dorsetSettings>;
