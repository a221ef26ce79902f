import type { Database } from "../db/prisma-client.ts";
import type { StaffUserId } from "../domain/ids.ts";
import { passwordMatches, unknownUserHash } from "./password-hashing.ts";
import { type IssuedSession, issueSession } from "./sessions.ts";
import { accountKey, beginPasswordAttempt } from "./sign-in-throttle.ts";

/**
 * Checks an e-mail address and password and issues a session. Returns null for an unknown
 * address, a wrong password or a deactivated account alike, so the answer does not tell an
 * attacker which of the three it was. Throws TooManyAttemptsError once the account or the
 * client's address has failed too often, before the password is even checked.
 */
export async function signInWithPassword(
  db: Database,
  email: string,
  password: string,
  clientAddress: string | null,
): Promise<IssuedSession | null> {
  const attempt = await beginPasswordAttempt(db, email, clientAddress);
  const user = await db.staffUser.findUnique({ where: { email: accountKey(email) } });
  const matches = await passwordMatches(user?.passwordHash ?? unknownUserHash, password);
  if (!user?.passwordHash || !matches || !user.active) return null;
  await attempt.succeeded();
  return issueSession(db, user.id as StaffUserId, "password");
}
