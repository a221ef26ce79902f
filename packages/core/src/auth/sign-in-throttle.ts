import type { Database } from "../db/prisma-client.ts";
import { DomainError } from "../graphql/domain-errors.ts";

/**
 * At most 5 failed password checks per account, and 30 per client address (an office behind one
 * address has many staff), in any 15 minutes. Five lets a person mistype a few times; a guesser
 * gets 480 tries a day per account instead of millions. A success resets the account's count.
 */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  failuresPerAccount: 5,
  failuresPerAddress: 30,
} as const;

export class TooManyAttemptsError extends DomainError {
  constructor() {
    super(
      "TOO_MANY_ATTEMPTS",
      `Too many sign-in attempts. Wait ${SIGN_IN_LIMITS.windowMinutes} minutes, then try again, or ask your administrator.`,
    );
  }
}

/**
 * The account an attempt counts against: the address trimmed and lower-cased. Attempts are
 * counted before the address is validated, so NUL (which PostgreSQL text cannot hold, and no
 * address contains) is dropped rather than failing the request.
 */
export const accountKey = (email: string) => email.replaceAll("\u0000", "").trim().toLowerCase();

export interface PasswordAttempt {
  /** Marks the attempt as a success: the account's failures before it stop counting. */
  succeeded(): Promise<void>;
}

/**
 * Records a password check BEFORE the password is verified, then counts. Recording first makes
 * the limit hold under concurrency: of many simultaneous guesses, each sees at least the rows
 * committed before its own, so no more than the limit ever get to the password check. The
 * attempt stays a failure unless `succeeded()` is called. Refused attempts are recorded too, so
 * a guesser who keeps going stays locked out.
 */
export async function beginPasswordAttempt(
  db: Database,
  accountOrEmail: string,
  clientAddress: string | null,
): Promise<PasswordAttempt> {
  const account = accountKey(accountOrEmail).slice(0, 320);
  const now = new Date();
  const attempt = await db.signInAttempt.create({ data: { account, clientAddress, attemptedAt: now } });
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { account, succeeded: true },
    orderBy: { attemptedAt: "desc" },
    select: { attemptedAt: true },
  });
  const since = lastSuccess && lastSuccess.attemptedAt > windowStart ? lastSuccess.attemptedAt : windowStart;
  const [accountFailures, addressFailures] = await Promise.all([
    db.signInAttempt.count({ where: { account, succeeded: false, attemptedAt: { gt: since } } }),
    clientAddress
      ? db.signInAttempt.count({ where: { clientAddress, succeeded: false, attemptedAt: { gt: windowStart } } })
      : 0,
  ]);
  // This attempt is among the failures counted, hence "greater than".
  if (accountFailures > SIGN_IN_LIMITS.failuresPerAccount || addressFailures > SIGN_IN_LIMITS.failuresPerAddress)
    throw new TooManyAttemptsError();
  return {
    succeeded: async () => {
      await db.signInAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
    },
  };
}
