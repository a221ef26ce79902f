import { z } from "zod";

/**
 * Dorset's own attributes of a request (`extensions.dorset`): whether the lead professional
 * asks for the exceptional level (up to £1,000 a case rather than £500) and why. The reason is
 * required on submission, not on every save, so a draft can be written in stages.
 */
export const dorsetRequestExtension = z.strictObject({
  exceptional: z.boolean().default(false),
  exceptionalReason: z.string().trim().max(4000, "Keep the reason under 4,000 characters").default(""),
});

export type DorsetRequestExtension = z.infer<typeof dorsetRequestExtension>;

/** The extension as stored on a request (defaults when the request has none). */
export function dorsetExtensionOf(extensions: Record<string, unknown>): DorsetRequestExtension {
  const parsed = dorsetRequestExtension.safeParse(extensions.dorset ?? {});
  return parsed.success ? parsed.data : { exceptional: false, exceptionalReason: "" };
}
