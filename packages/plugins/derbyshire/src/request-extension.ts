import { z } from "zod";

const isoDay = z.iso.date("Give the date as YYYY-MM-DD");

/**
 * Derbyshire's own attributes of a request (`extensions.derbyshire`): the Team Around the Child
 * meeting at which the family and the lead practitioner made the decision, and who was there.
 * Optional while the request is a draft; required on submission (see eligibility.ts).
 */
export const derbyshireRequestExtension = z.strictObject({
  tacMeeting: z
    .strictObject({
      heldOn: isoDay,
      attendees: z
        .array(z.string().trim().min(1, "Give each attendee's name"))
        .min(2, "List at least the family and the lead practitioner"),
    })
    .optional(),
});

export type DerbyshireRequestExtension = z.infer<typeof derbyshireRequestExtension>;

/** The extension as stored on a request (empty when the request has none). */
export function derbyshireExtensionOf(extensions: Record<string, unknown>): DerbyshireRequestExtension {
  const parsed = derbyshireRequestExtension.safeParse(extensions.derbyshire ?? {});
  return parsed.success ? parsed.data : {};
}
