import { z } from "zod";

const pence = z.number().int("Amounts are whole pence").nonnegative("Amounts cannot be negative");

/**
 * Devon's pathfinder, as its lead officer described it: £15,000 per area per year for two
 * years; the lead professional signs off up to £100 at once; over £100 and up to £1,000 the
 * area's pathway co-ordinator decides; above £1,000 the scheme does not fund.
 */
export const devonSettings = z
  .looseObject({
    /** The nine pathfinder areas, around secondary schools and their feeder primaries. */
    areas: z.array(z.string().trim().min(1, "An area needs a name")).default([]),
    annualAllocationPerArea: pence.default(1_500_000),
    pilotYears: z.number().int().min(1).max(10).default(2),
    selfSignOffLimit: pence.default(10_000),
    coordinatorLimit: pence.default(100_000),
    reviewDueInDays: z.number().int().min(1).max(365).default(56),
  })
  .refine((settings) => settings.coordinatorLimit >= settings.selfSignOffLimit, {
    message: "The pathway co-ordinator's limit must be at least the lead professional's",
    path: ["coordinatorLimit"],
  });

export type DevonSettings = z.infer<typeof devonSettings>;
