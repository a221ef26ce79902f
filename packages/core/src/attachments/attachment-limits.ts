/** 10 MiB: a multi-page scanned CAF form or a phone photo of a receipt fits easily. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The largest attachment accepted, from ATTACHMENT_MAX_BYTES when set. Read on every upload
 * (not once at start-up) so a test can lower it for itself. A value that is not a positive
 * whole number is a configuration mistake: it fails loudly rather than silently allowing
 * anything or nothing.
 */
export function maxAttachmentBytes(): number {
  const configured = process.env.ATTACHMENT_MAX_BYTES;
  if (configured === undefined || configured.trim() === "") return DEFAULT_ATTACHMENT_MAX_BYTES;
  const bytes = Number(configured);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new Error(`ATTACHMENT_MAX_BYTES must be a positive whole number of bytes, not "${configured}"`);
  }
  return bytes;
}

/** "2.5 MB", "800 KB", "12 bytes": sizes in messages people read. */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}
