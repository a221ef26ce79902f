import type { Database } from "../db/prisma-client.ts";
import { SIGN_IN_LIMITS } from "./sign-in-throttle.ts";

/**
 * How long a sign-in attempt (an e-mail address as typed, a network address, a time: personal
 * data) is kept. The limits read only the last `SIGN_IN_LIMITS.windowMinutes`; the rest is kept
 * for a month so that an administrator can look into a burst of guessing after the event, then
 * goes. `SIGN_IN_ATTEMPT_RETENTION_DAYS` changes it; it never goes below the limits' window.
 */
export const SIGN_IN_ATTEMPT_RETENTION_DAYS = 30;

export function signInAttemptRetentionDays(value = process.env.SIGN_IN_ATTEMPT_RETENTION_DAYS): number {
  if (value === undefined || value.trim() === "") return SIGN_IN_ATTEMPT_RETENTION_DAYS;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0)
    throw new Error(`SIGN_IN_ATTEMPT_RETENTION_DAYS must be a positive number of days, not "${value}"`);
  return days;
}

/**
 * The sign-in attempts job (`npm run jobs:sign-in-attempts`, daily): removes attempts older than
 * the retention period, and never one the limits still count. Returns how many went.
 */
export async function pruneSignInAttempts(
  db: Database,
  asOf = new Date(),
  retentionDays = signInAttemptRetentionDays(),
): Promise<number> {
  const keptMinutes = Math.max(retentionDays * 24 * 60, SIGN_IN_LIMITS.windowMinutes);
  const cutoff = new Date(asOf.getTime() - keptMinutes * 60_000);
  const { count } = await db.signInAttempt.deleteMany({ where: { attemptedAt: { lt: cutoff } } });
  return count;
}
