import { z } from "zod";

/**
 * Derbyshire's pilot, as its report describes it: children and young people aged 0-19; at the
 * start of the pilot, looked-after children and disabled children eligible for direct payments
 * were excluded (an authority may lift that, as the later "Flexible Funding" could). No limit per
 * purchase is stated, so there is none: the area's budget bounds every request.
 */
export const derbyshireSettings = z.looseObject({
  /** "0-19": a young person is eligible until their 20th birthday (this age plus one). */
  maxAge: z.number().int().min(0).max(25).default(19),
  /** Looked-after children, and disabled children eligible for direct payments, are not eligible. */
  excludeLookedAfterAndDirectPayments: z.boolean().default(true),
  /** When the outcome review falls due after approval; the report sets no figure. */
  reviewDueInDays: z.number().int().min(1).max(365).default(56),
  receiptsDueInDays: z.number().int().min(1).max(365).default(28),
});

export type DerbyshireSettings = z.infer<typeof derbyshireSettings>;
